package org.symtensor.samples.kotlin

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/** The Kotlin tutorial prints what the Java tutorial prints (samples/.../Tutorial.java). */
class KotlinTutorialTest {
    @Test
    fun main_printsTheTutorialsValues() {
        val buffer = ByteArrayOutputStream()
        val saved = System.out
        System.setOut(PrintStream(buffer, true, Charsets.UTF_8))
        try {
            main()
        } finally {
            System.setOut(saved)
        }
        val out = buffer.toString(Charsets.UTF_8)
        print(out)
        assertThat(out).contains(
            "pp(z) = (x + y)",
            "f(2, 3) = 5.0",
            "g([[1, 2], [3, 4]], [[10, 20], [30, 40]]) = [[11.0, 22.0], [33.0, 44.0]]",
            "f(10) = 11.0",
            "g(33) = 68.0",
            "g(33, w_by_name=1, y=0) = 33.0",
            "accumulator(1) = 0",
            "accumulator(300) = 1",
            "after state.setValue(-1): accumulator(3) = -1",
            "decrementor(2) = 2, state = 0",
            "skipShared(1, 3) = 7 (state is still 0)",
        )
        assertThat(out).contains(
            "logistic([[0, 1], [-1, -2]]) = [[0.5, 0.7310585786], [0.2689414214, 0.119202922]]",
            "(1 + tanh(x / 2)) / 2     = [[0.5, 0.7310585786], [0.2689414214, 0.119202922]]",
            "diff, |diff|, diff^2 = [[[1.0, 0.0], [-1.0, -2.0]], [[1.0, 0.0], [1.0, 2.0]], [[1.0, 0.0], [1.0, 4.0]]]",
        )
    }
}
