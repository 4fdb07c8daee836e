package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RemoteExceptionTest {

    @Test
    void anErrorResultGivesItsMessageAndNoExceptionName() {
        RemoteException e = new RemoteException("lookup", Message.error("no such user"));

        assertThat(e).isInstanceOf(PostageException.class).hasMessage("RPC lookup failed with an error: no such user");
        assertThat(e.call()).isEqualTo("lookup");
        assertThat(e.resultType()).isEqualTo(ResultType.ERROR);
        assertThat(e.exceptionName()).isEmpty();
        assertThat(e.remoteMessage()).isEqualTo("no such user");
    }

    @Test
    void anExceptionResultGivesTheRemoteExceptionName() {
        RemoteException e = new RemoteException("lookup", Message.exception("KeyError", "'bob'"));

        assertThat(e).hasMessage("RPC lookup failed with exception KeyError: 'bob'");
        assertThat(e.resultType()).isEqualTo(ResultType.EXCEPTION);
        assertThat(e.exceptionName()).contains("KeyError");
        assertThat(e.remoteMessage()).isEqualTo("'bob'");
    }

    @Test
    void aSuccessOrAMessageThatIsNoResultIsNotARemoteFailure() {
        assertThatThrownBy(() -> new RemoteException("lookup", Message.result("bob")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteException("lookup", Message.command("lookup")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
