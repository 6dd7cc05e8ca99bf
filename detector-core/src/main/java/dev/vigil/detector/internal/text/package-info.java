/** Internal: see {@link dev.vigil.detector.internal} for the layout. */
@NullMarked
package dev.vigil.detector.internal.text;

import org.jspecify.annotations.NullMarked;
