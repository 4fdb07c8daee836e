/**
 * The architecture rules of Postage as ArchUnit rules, for Postage's own build and for authors of
 * third-party providers who want their module to keep the same arrows.
 */
package io.postage.testkit.architecture;
