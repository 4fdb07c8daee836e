package io.postage.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.benchmarks.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs every JMH benchmark once, briefly and in this JVM, so that none can rot; nothing is timed. */
@Timeout(120)
class JmhSmokeTest {
    /** 3 payloads x 3 codecs x (encode, decode) + 3 handler counts x 4 dispatchers + 2 publish paths. */
    private static final int BENCHMARKS = 18 + 12 + 2;

    @Test
    void everyBenchmarkRunsOnceAndTheReportReadsTheResult(@TempDir Path dir) throws Exception {
        Path jmh = dir.resolve("jmh.json");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("io\\.postage\\..*Benchmark")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .result(jmh.toString())
                .resultFormat(ResultFormatType.JSON)
                .build()).run();

        assertThat(results).hasSize(BENCHMARKS)
                .allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());

        Path out = dir.resolve("run");
        Report.main(new String[] {"--jmh", jmh.toString(), "--e2e", dir.resolve("none.json").toString(),
            "--out", out.toString(), "--machine", "test", "--command", "JmhSmokeTest"});
        assertThat(Files.readString(dir.resolve("run.md")))
                .contains("| dispatch <= 2.0 x a direct call | 100 handlers |")
                .contains("| Encode | LARGE | rawJackson |");
        assertThat(dir.resolve("run.json")).isNotEmptyFile();
    }
}
