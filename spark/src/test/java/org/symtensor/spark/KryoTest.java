package org.symtensor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.junit.jupiter.api.Test;
import org.objenesis.strategy.StdInstantiatorStrategy;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * What the trainer and inference ship survives Kryo with registration required and our registrator.
 * Kryo is set up as Spark's KryoSerializer sets it up (Objenesis for classes without a no-argument
 * constructor); Spark's own serializer is not used here because on JDK 17 it needs the add-opens flags
 * that spark-submit passes and a plain test JVM does not have.
 */
class KryoTest {
    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(Kryo kryo, T value) {
        Output out = new Output(1 << 12, -1);
        kryo.writeClassAndObject(out, value);
        return (T) kryo.readClassAndObject(new Input(out.toBytes()));
    }

    @Test
    void arraysRowsAndPartialSumsRoundTrip() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.setInstantiatorStrategy(new Kryo.DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        new SymtensorKryoRegistrator().registerClasses(kryo);
        for (DType d : DType.values()) {
            NDArray a = NDArray.zeros(d, 2, 3);
            for (int i = 0; i < 6; i++) {
                a.setDouble(i, d == DType.BOOL ? i % 2 : i + 1);
            }
            NDArray b = roundTrip(kryo, a);
            assertThat(b).as("%s", d).isEqualTo(a);
            assertThat(b.shape()).containsExactly(2, 3);
        }
        NDArray view = NDArray.of(new double[][] {{1, 2}, {3, 4}}).transpose();
        assertThat(roundTrip(kryo, view).toDoubleMatrix()).isDeepEqualTo(new double[][] {{1, 3}, {2, 4}});
        NDArray[] params = {NDArray.of(new float[] {1.5f}), NDArray.of(2.0)};
        NDArray[] back = roundTrip(kryo, params);
        assertThat(back).containsExactly(params);
        IndexedRow row = roundTrip(kryo, new IndexedRow(41, new double[] {1, -2}));
        assertThat(row.index()).isEqualTo(41);
        assertThat(row.values()).containsExactly(1, -2);
        SparkTrainer.Partial p = roundTrip(kryo, new SparkTrainer.Partial(new double[][] {{1, 2}, {3}}, 0.5, 7));
        assertThat(p.sums).isDeepEqualTo(new double[][] {{1, 2}, {3}});
        assertThat(p.loss).isEqualTo(0.5);
        assertThat(p.rows).isEqualTo(7);
    }
}
