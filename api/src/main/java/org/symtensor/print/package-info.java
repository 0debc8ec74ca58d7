/** Printing of graphs: Theano's {@code pp} and {@code debugprint}. Reads the IR only. */
package org.symtensor.print;
