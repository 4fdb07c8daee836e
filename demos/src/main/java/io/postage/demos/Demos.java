package io.postage.demos;

import io.postage.demos.advancedecho.AdvancedEcho;
import io.postage.demos.basicecho.BasicEcho;
import io.postage.demos.crosstransport.CrossTransportDemo;
import io.postage.demos.genericapp.GenericApplicationDemo;
import io.postage.demos.rpcecho.RpcEcho;
import io.postage.demos.typedapi.TypedApiDemo;
import java.util.List;
import java.util.Optional;

/** Every demo the launcher knows, in the order it lists them. */
public final class Demos {
    private Demos() {
    }

    /** @return the demos */
    public static List<Demo> all() {
        return List.of(new CrossTransportDemo(), BasicEcho.demo(), AdvancedEcho.demo(), RpcEcho.demo(), GenericApplicationDemo.demo(),
                TypedApiDemo.demo());
    }

    /**
     * @param name a demo name
     * @return the demo
     */
    public static Optional<Demo> named(String name) {
        return all().stream().filter(demo -> demo.name().equals(name)).findFirst();
    }
}
