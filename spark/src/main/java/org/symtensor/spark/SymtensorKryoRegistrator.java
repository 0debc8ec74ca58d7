package org.symtensor.spark;

import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.serializer.KryoRegistrator;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Registers the classes this module ships between JVMs with Kryo, for applications that run Spark with
 * {@code spark.serializer=org.apache.spark.serializer.KryoSerializer} and
 * {@code spark.kryo.registrationRequired=true}:
 * {@code spark.kryo.registrator=org.symtensor.spark.SymtensorKryoRegistrator}. Without
 * {@code registrationRequired} nothing needs registering (Java serialization, the default, needs nothing
 * either: every class here is {@code Serializable}).
 */
public final class SymtensorKryoRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(NDArray.class);
        kryo.register(NDArray[].class);
        kryo.register(DType.class);
        kryo.register(IndexedRow.class);
        kryo.register(SparkTrainer.Partial.class);
        kryo.register(double[].class);
        kryo.register(double[][].class);
        kryo.register(float[].class);
        kryo.register(long[].class);
        kryo.register(int[].class);
        kryo.register(short[].class);
        kryo.register(byte[].class);
    }
}
