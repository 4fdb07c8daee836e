package io.postage.benchmarks;

import io.postage.Fingerprint;
import io.postage.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three command sizes of the hot-path benchmarks, stamped with a fixed fingerprint so every run
 * encodes the same bytes: a tiny command (241 B), a typical nested one (931 B) and a large one (65 236 B).
 */
public enum Payload {
    /** {@code echo} with one short string: the envelope is most of it. */
    TINY(Map.of("text", "hello, world")),
    /** An order with a customer, a few items, numbers, booleans and a null. */
    NESTED(Map.of("order", order(4))),
    /** A batch of a few hundred items. */
    LARGE(Map.of("batch", items(470)));

    /** The fingerprint every benchmark message carries. */
    public static final Fingerprint FINGERPRINT = new Fingerprint("bench", "benchmark", "4242", "bench-host", "bench", "/");

    private final Map<String, Object> parameters;

    Payload(Map<String, Object> parameters) {
        this.parameters = parameters;
    }

    /** @return the command's parameters */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** @return the stamped command */
    public Message message() {
        return Message.command("echo", parameters).withFingerprint(FINGERPRINT);
    }

    private static Map<String, Object> order(int itemCount) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", 918_273_645L);
        customer.put("name", "Ada Lovelace");
        customer.put("email", "ada@example.org");
        customer.put("vip", true);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", "ord-2026-000042");
        order.put("customer", customer);
        order.put("items", items(itemCount));
        order.put("total", 1234.5);
        order.put("paid", false);
        order.put("coupon", null);
        return order;
    }

    private static List<Object> items(int count) {
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sku", "SKU-" + (100_000 + i));
            item.put("title", "Item number " + i + " of the benchmark catalogue");
            item.put("quantity", i % 7 + 1);
            item.put("price", 9.99 + i);
            item.put("tags", List.of("bench", i % 2 == 0 ? "even" : "odd"));
            item.put("gift", i % 5 == 0);
            items.add(item);
        }
        return items;
    }
}
