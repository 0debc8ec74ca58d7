package org.symtensor.spark;

import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.onUnusedInput;
import static org.symtensor.T.outputs;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionInput;
import org.symtensor.grad.GradOptions;
import org.symtensor.grad.Gradients;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;

/** The two functions a recipe compiles to: the gradient function of training and the forward function of inference. */
final class Compiled {
    private Compiled() {}

    /** Cache key of the gradient function of {@code recipe}. */
    static String gradKey(FunctionRecipe recipe) {
        return "grad|" + recipe.key();
    }

    /** Cache key of the forward function of {@code recipe}. */
    static String forwardKey(FunctionRecipe recipe) {
        return "forward|" + recipe.key();
    }

    /**
     * Checks that output 0 of {@code model} is a float vector of per-row losses and that it depends on every
     * parameter; {@code who} starts the message.
     */
    static Variable perRowLoss(FunctionRecipe.Model model, String who) {
        Variable loss = model.outputs().get(0);
        if (loss.type().rank() != 1 || !loss.type().dtype().isFloat()) {
            throw new RecipeException(who + ": output 0 of the model must be the per-row losses, a float vector with one"
                    + " entry per row of the block; it is " + loss.type() + " (return e.g. the cross-entropy of each row,"
                    + " not its mean: the trainer sums the rows and divides by the minibatch size)");
        }
        return loss;
    }

    /**
     * {@code (params..., data...) → (Σ loss, ∂Σloss/∂param...)}: the sum of the per-row losses of a block and
     * the gradient of that sum with respect to each parameter.
     */
    static Function gradient(FunctionRecipe recipe, String who) {
        FunctionRecipe.Model model = recipe.build();
        Variable loss = perRowLoss(model, who);
        Variable total = Apply.output(Reduce.of(Reduce.Kind.SUM, null), loss);
        List<Variable> grads = Gradients.grad(total, model.params(), GradOptions.defaults());
        List<Tensor<?>> outs = new ArrayList<>();
        outs.add(Tensors.wrap(total));
        for (int i = 0; i < grads.size(); i++) {
            if (grads.get(i) == null) {
                throw new RecipeException(who + ": the loss does not depend on parameter '" + recipe.paramNames().get(i)
                        + "'");
            }
            outs.add(Tensors.wrap(grads.get(i)));
        }
        return function(inputs(all(model)), outputs(outs.toArray(new Tensor<?>[0])),
                onUnusedInput(FunctionFlag.UnusedInput.IGNORE));
    }

    /** {@code (params..., data...) → outputs}: the model's outputs for a block of rows. */
    static Function forward(FunctionRecipe recipe) {
        FunctionRecipe.Model model = recipe.build();
        List<Tensor<?>> outs = new ArrayList<>();
        for (Variable o : model.outputs()) {
            outs.add(Tensors.wrap(o));
        }
        return function(inputs(all(model)), outputs(outs.toArray(new Tensor<?>[0])),
                onUnusedInput(FunctionFlag.UnusedInput.IGNORE));
    }

    private static FunctionInput[] all(FunctionRecipe.Model model) {
        List<FunctionInput> in = new ArrayList<>();
        for (Variable v : model.params()) {
            in.add(Tensors.wrap(v));
        }
        for (Variable v : model.data()) {
            in.add(Tensors.wrap(v));
        }
        return in.toArray(new FunctionInput[0]);
    }
}
