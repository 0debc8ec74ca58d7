package com.example.minimal;

import java.util.Arrays;

/** Calls the functions javac generated from {@link Logistic}. */
public final class App {
    private App() {}

    public static void main(String[] args) {
        double[][] s = LogisticSymbolic.logistic().call(new double[][] {{0, 1}, {-1, -2}});
        System.out.println("logistic: " + Arrays.deepToString(s));
        System.out.println("add(10): " + LogisticSymbolic.add().call(10f));
    }
}
