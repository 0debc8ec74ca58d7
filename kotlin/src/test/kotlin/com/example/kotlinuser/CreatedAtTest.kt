package com.example.kotlinuser

import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.symtensor.T.dmatrix
import org.symtensor.kotlin.*
import org.symtensor.tensor.Tensor

/**
 * Nodes made through the Kotlin extensions remember the user's line, not a line of Operators.kt or
 * Indexing.kt (the package org.symtensor.kotlin counts as the library's), so an error found when a
 * function runs points at this file. In a package of its own, as a user's code is.
 */
class CreatedAtTest {
    private fun assertMadeHere(t: Tensor<*>) {
        val at = t.variable().createdAt()
        assertThat(at.file()).isEqualTo("CreatedAtTest.kt")
        assertThat(at.method()).isEqualTo("com.example.kotlinuser.CreatedAtTest.extensions_locateNodesAtTheCallersLine")
    }

    @Test
    fun extensions_locateNodesAtTheCallersLine() {
        val x = dmatrix("x")
        assertMadeHere(2 * x)
        assertMadeHere(x / 2)
        assertMadeHere(x lt 1)
        assertMadeHere(x[0 until 1, 1])
        assertMadeHere(x[0, 1])
    }
}
