package io.postage.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.ConnectionState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionStatesTest {

    @Test
    void listenersHearEachChangeOnceAndClosedIsFinal() {
        ConnectionStates states = new ConnectionStates();
        List<ConnectionState> heard = new ArrayList<>();
        states.add(heard::add);

        states.change(ConnectionState.CONNECTED);
        states.change(ConnectionState.RECOVERING);
        states.change(ConnectionState.RECOVERING);
        states.change(ConnectionState.CONNECTED);
        states.change(ConnectionState.CLOSED);
        states.change(ConnectionState.RECOVERING);

        assertThat(heard).containsExactly(ConnectionState.RECOVERING, ConnectionState.CONNECTED, ConnectionState.CLOSED);
        assertThat(states.state()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        ConnectionStates states = new ConnectionStates();
        List<ConnectionState> heard = new ArrayList<>();
        states.add(state -> {
            throw new IllegalStateException("listener bug");
        });
        states.add(heard::add);

        states.change(ConnectionState.RECOVERING);

        assertThat(heard).containsExactly(ConnectionState.RECOVERING);
    }
}
