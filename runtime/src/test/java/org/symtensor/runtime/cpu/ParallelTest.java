package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The pool's nesting rule and the caller-sized split. */
class ParallelTest {
    /**
     * Work split from inside a piece of a split run (a product inside a convolution's block) runs
     * inline on the thread computing that piece, whether that is a pool thread or the calling
     * thread, and every inner piece runs exactly once.
     */
    @Test
    void tasksInsideAPiece_runOnThatPiecesThread() {
        Parallel.configure(2);
        try {
            int outer = 8;
            int inner = 5;
            long[] outerThread = new long[outer];
            long[][] innerThread = new long[outer][inner];
            AtomicIntegerArray runs = new AtomicIntegerArray(outer * inner);
            for (int round = 0; round < 20; round++) {
                Parallel.tasks(outer, true, i -> {
                    outerThread[i] = Thread.currentThread().getId();
                    Parallel.tasks(inner, true, j -> {
                        innerThread[i][j] = Thread.currentThread().getId();
                        runs.incrementAndGet(i * inner + j);
                    });
                    Parallel.run(3 * 4096, 4096, 4096, (from, to) -> assertThat(Thread.currentThread().getId())
                            .isEqualTo(outerThread[i]));
                });
                for (int i = 0; i < outer; i++) {
                    for (int j = 0; j < inner; j++) {
                        assertThat(innerThread[i][j]).as("round %d piece %d.%d", round, i, j).isEqualTo(outerThread[i]);
                    }
                }
            }
            for (int c = 0; c < outer * inner; c++) {
                assertThat(runs.get(c)).isEqualTo(20);
            }
            // outside any run, the calling thread may hand work to the pool again
            AtomicIntegerArray after = new AtomicIntegerArray(4);
            Parallel.run(4 * 4096, 4096, 4096, (from, to) -> after.incrementAndGet(from / 4096));
            for (int c = 0; c < 4; c++) {
                assertThat(after.get(c)).isEqualTo(1);
            }
        } finally {
            Parallel.configure(1);
        }
    }

    /** The caller's threshold and chunk: below it one call over everything, above it the fixed chunks. */
    @Test
    void run_withCallersChunk_coversTheRangeInThoseChunks() {
        Parallel.configure(2);
        try {
            java.util.List<int[]> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Parallel.run(1000, 1000, 256, (from, to) -> seen.add(new int[] {from, to}));
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0)).containsExactly(0, 1000);
            seen.clear();
            Parallel.run(1001, 1000, 256, (from, to) -> seen.add(new int[] {from, to}));
            seen.sort(java.util.Comparator.comparingInt(r -> r[0]));
            assertThat(seen).hasSize(4);
            assertThat(seen.get(3)).containsExactly(768, 1001);
        } finally {
            Parallel.configure(1);
        }
    }
}
