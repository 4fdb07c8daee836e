/**
 * The JSON codecs, not exported. {@link io.postage.codec.json.internal.JsonEncoder} holds the shared
 * policy (what may be written, how numbers are read, limits, duplicate keys, error messages) and
 * drives a {@link io.postage.codec.json.internal.JsonBackend}: Jackson's or Gson's streaming parser
 * and generator, which only move tokens.
 */
package io.postage.codec.json.internal;
