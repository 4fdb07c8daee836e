package io.postage;

import io.postage.benchmarks.Payload;
import java.util.Map;
import java.util.function.Consumer;

/** Processors with 1, 10 and 100 handlers {@code h0}, {@code h1}, ... for {@link DispatchBenchmark}. */
final class DispatchFixtures {
    private static final ProcessorSettings SETTINGS = ProcessorSettings.of(PostageConfig.defaults());

    private DispatchFixtures() {
    }

    /**
     * @param handlers 1, 10 or 100
     * @return a processor (not connected) with that many handlers
     */
    static SinkProcessor processor(int handlers) {
        return switch (handlers) {
            case 1 -> new OneHandler();
            case 10 -> new TenHandlers();
            case 100 -> new HundredHandlers();
            default -> throw new IllegalArgumentException("No fixture with " + handlers + " handlers");
        };
    }

    /** A processor whose handlers, and its direct {@link #accept}, keep the content they receive. */
    abstract static class SinkProcessor extends MessageProcessor implements Consumer<Map<String, Object>> {
        Object received;

        SinkProcessor() {
            super(Payload.FINGERPRINT, Eqk.of(), SETTINGS);
        }

        @Override
        public final void accept(Map<String, Object> content) {
            received = content;
        }
    }

    static final class OneHandler extends SinkProcessor {
        @MessageHandler(name = "h0") void h0(Map<String, Object> c) { received = c; }
    }

    static final class TenHandlers extends SinkProcessor {
        @MessageHandler(name = "h0") void h0(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h1") void h1(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h2") void h2(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h3") void h3(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h4") void h4(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h5") void h5(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h6") void h6(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h7") void h7(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h8") void h8(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h9") void h9(Map<String, Object> c) { received = c; }
    }

    static final class HundredHandlers extends SinkProcessor {
        @MessageHandler(name = "h0") void h0(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h1") void h1(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h2") void h2(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h3") void h3(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h4") void h4(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h5") void h5(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h6") void h6(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h7") void h7(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h8") void h8(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h9") void h9(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h10") void h10(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h11") void h11(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h12") void h12(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h13") void h13(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h14") void h14(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h15") void h15(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h16") void h16(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h17") void h17(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h18") void h18(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h19") void h19(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h20") void h20(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h21") void h21(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h22") void h22(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h23") void h23(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h24") void h24(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h25") void h25(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h26") void h26(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h27") void h27(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h28") void h28(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h29") void h29(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h30") void h30(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h31") void h31(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h32") void h32(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h33") void h33(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h34") void h34(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h35") void h35(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h36") void h36(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h37") void h37(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h38") void h38(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h39") void h39(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h40") void h40(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h41") void h41(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h42") void h42(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h43") void h43(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h44") void h44(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h45") void h45(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h46") void h46(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h47") void h47(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h48") void h48(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h49") void h49(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h50") void h50(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h51") void h51(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h52") void h52(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h53") void h53(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h54") void h54(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h55") void h55(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h56") void h56(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h57") void h57(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h58") void h58(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h59") void h59(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h60") void h60(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h61") void h61(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h62") void h62(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h63") void h63(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h64") void h64(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h65") void h65(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h66") void h66(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h67") void h67(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h68") void h68(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h69") void h69(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h70") void h70(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h71") void h71(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h72") void h72(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h73") void h73(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h74") void h74(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h75") void h75(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h76") void h76(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h77") void h77(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h78") void h78(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h79") void h79(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h80") void h80(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h81") void h81(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h82") void h82(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h83") void h83(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h84") void h84(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h85") void h85(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h86") void h86(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h87") void h87(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h88") void h88(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h89") void h89(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h90") void h90(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h91") void h91(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h92") void h92(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h93") void h93(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h94") void h94(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h95") void h95(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h96") void h96(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h97") void h97(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h98") void h98(Map<String, Object> c) { received = c; }
        @MessageHandler(name = "h99") void h99(Map<String, Object> c) { received = c; }
    }
}
