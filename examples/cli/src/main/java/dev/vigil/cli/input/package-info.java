/**
 * Input readers of {@code vigil-cli}: one {@link dev.vigil.cli.input.MessageReader} interface over
 * JSON Lines, CSV, the PAN 2012 sexual predator identification XML and the SMS Spam Collection, so
 * that {@code scan} and {@code eval} read the same formats the same way.
 *
 * <p>Readers turn every input record into an {@link dev.vigil.cli.input.InputLine}: either a
 * {@link dev.vigil.cli.input.LabelledMessage} or a short error that names what is wrong with the
 * record and never repeats its text. Only input that cannot be read at all (a missing file, a CSV
 * without a header, XML that is not well formed) raises an {@link
 * dev.vigil.cli.input.InputException}.
 *
 * <p>Everything here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.vigil.cli.input;

import org.jspecify.annotations.NullMarked;
