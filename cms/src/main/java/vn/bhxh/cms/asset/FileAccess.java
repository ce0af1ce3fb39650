package vn.bhxh.cms.asset;

import vn.bhxh.cms.security.Actor;

/**
 * Who may fetch a file, signed in or not. Products answer it with their read rules (the asset feature knows files, not
 * the workflow), so the dependency points from products to files and read access stays decided in one place.
 */
public interface FileAccess {

    /** Whether the signed-in actor may fetch the file: its record, bytes, previews, renditions, a bundle of it. */
    boolean mayRead(Actor actor, Asset asset);

    /** Whether the file may go out without a login: a variant released now lists it, and it passed inspection. */
    boolean isPublic(Asset asset);
}
