/**
 * Graph rewrites: small pure rules in named sets indexed by op kind, run to a fixed point by one
 * engine; the optimization pipeline lists the passes in order. Knows the IR, nothing of backends.
 */
package org.symtensor.rewrite;
