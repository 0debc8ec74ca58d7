/**
 * Profiling helpers for training loops. Theano's {@code profile=True} itself is the api's
 * {@code profile()} option of {@code function} (timed by the runtime's linker, read with
 * {@code Function.profile()}); {@link org.symtensor.train.profile.Profiler} makes a profiled twin of a
 * function that was compiled without it. Imports the api only.
 */
package org.symtensor.train.profile;
