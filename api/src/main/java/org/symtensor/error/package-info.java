/**
 * Every exception a user can cause, under {@link org.symtensor.error.SymtensorException}. Imports
 * nothing else of Symtensor, so every other package may throw them.
 */
package org.symtensor.error;
