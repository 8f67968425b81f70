package io.lotabots.model.control;

/** Told of every chunk of a model's bytes before it can be stored; refuses by throwing. */
@FunctionalInterface
public interface ByteAllowance {

    void received(long bytes);
}
