package org.symtensor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.value.NDArray;

/** Batch inference on local[2] equals the local compiled function, block boundaries and empty partitions included. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SparkInferenceTest {
    private static double[][] features(int n) {
        SplittableRandom r = new SplittableRandom(4);
        double[][] x = new double[n][4];
        for (double[] row : x) {
            for (int j = 0; j < 4; j++) {
                row[j] = r.nextDouble(-2, 2);
            }
        }
        return x;
    }

    @Test
    void rddInferenceEqualsTheLocalFunctionRowForRow() {
        MlpModel.initialize(21);
        double[][] x = features(53);
        double[][] local = MlpModelSymbolic.probabilities().call(x);
        List<NDArray> rows = new ArrayList<>();
        for (double[] row : x) {
            rows.add(NDArray.of(row));
        }
        FunctionRecipe recipe = FunctionRecipe.symbolic(MlpModel.class, "probabilities", MlpModel.params());
        int before = FunctionCache.builds();
        // blocks of 8 rows: 53 rows over 5 partitions end in partial blocks; a sixth partition is empty
        JavaRDD<NDArray> in = LocalSpark.context().parallelize(rows, 5).union(LocalSpark.context().emptyRDD());
        List<NDArray> out = SparkInference.of(recipe, MlpModel.params()).columns(4).blockRows(8).apply(in).collect();
        assertThat(out).hasSize(53);
        for (int i = 0; i < 53; i++) {
            assertThat(out.get(i).toDoubleArray()).as("row %d", i).containsExactly(local[i]);
        }
        assertThat(FunctionCache.builds() - before).isBetween(1, 2);
    }

    @Test
    void datasetInferenceAddsAColumn() {
        MlpModel.initialize(22);
        double[][] x = features(20);
        double[][] local = MlpModelSymbolic.probabilities().call(x);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            List<Float> f = new ArrayList<>();
            for (double v : x[i]) {
                f.add((float) v);
            }
            data.add(RowFactory.create((long) i, f));
        }
        StructType schema = new StructType().add("id", DataTypes.LongType)
                .add("pixels", DataTypes.createArrayType(DataTypes.FloatType));
        Dataset<Row> df = LocalSpark.session().createDataFrame(data, schema);
        FunctionRecipe recipe = FunctionRecipe.symbolic(MlpModel.class, "probabilities", MlpModel.params());
        Dataset<Row> out = SparkInference.of(recipe, MlpModel.params()).columns(4).apply(df, "p", "pixels");
        assertThat(out.schema().fieldNames()).containsExactly("id", "pixels", "p");
        List<Row> rows = out.collectAsList();
        assertThat(rows).hasSize(20);
        for (Row r : rows) {
            int i = (int) r.getLong(0);
            double[][] xi = {new double[4]};
            for (int j = 0; j < 4; j++) {
                xi[0][j] = (float) x[i][j];
            }
            double[] expected = MlpModelSymbolic.probabilities().call(xi)[0];
            List<Object> got = r.getList(2);
            for (int c = 0; c < 3; c++) {
                assertThat((Double) got.get(c)).isEqualTo(expected[c]);
            }
            assertThat(expected[0]).isCloseTo(local[i][0], org.assertj.core.data.Offset.offset(1e-6));
        }
        StructType bad = new StructType().add("pixels", DataTypes.StringType);
        Dataset<Row> strings = LocalSpark.session().createDataFrame(List.of(RowFactory.create("1,2,3,4")), bad);
        assertThatThrownBy(() -> SparkInference.of(recipe, MlpModel.params()).columns(4).apply(strings, "p", "pixels"))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("column 'pixels' is string");
    }

    @Test
    void aRowOfTheWrongWidthFailsTheActionWithAShapeMismatch() {
        MlpModel.initialize(23);
        FunctionRecipe recipe = FunctionRecipe.symbolic(MlpModel.class, "probabilities", MlpModel.params());
        List<NDArray> rows = List.of(NDArray.of(new double[] {1, 2, 3, 4}), NDArray.of(new double[] {1, 2}));
        JavaRDD<NDArray> out = SparkInference.of(recipe, MlpModel.params()).columns(4)
                .apply(LocalSpark.context().parallelize(rows, 1));
        assertThatThrownBy(() -> {
            try {
                out.collect();
            } catch (Exception e) {
                throw SparkErrors.rethrow(e);
            }
        }).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("row 1 of partition 0 has 2 values, expected 4 (x 4)");
    }
}
