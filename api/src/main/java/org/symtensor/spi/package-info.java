/**
 * The service interface between the api and a runtime: the {@link org.symtensor.spi.Backend} a
 * runtime registers for {@link java.util.ServiceLoader}, {@link org.symtensor.spi.Backends} that finds
 * one, and the {@link org.symtensor.spi.Pipeline} every compile path optimizes with.
 */
package org.symtensor.spi;
