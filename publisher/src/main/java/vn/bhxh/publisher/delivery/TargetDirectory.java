package vn.bhxh.publisher.delivery;

import vn.bhxh.publisher.crypto.SealedSecret;

import java.util.Optional;

/** Where targets are configured (the cms keeps them; {@link InMemoryTargetDirectory} serves tests and demos). */
public interface TargetDirectory {

    Optional<Target> find(String targetId);

    /** The target's token no longer works: nothing more goes to it until an admin reconnects it. */
    void pause(String targetId, String reason);

    void resume(String targetId);

    boolean paused(String targetId);

    /** Stores credentials a connector renewed (Zalo refresh tokens are single-use: the new pair must be kept). */
    void replaceCredentials(String targetId, SealedSecret credentials);
}
