package org.borderwatch.sharing.service;

import java.util.List;
import org.borderwatch.sharing.Share;
import org.borderwatch.sharing.ShareSnapshot;
import org.borderwatch.sharing.ThreadState;

/** A share with its snapshots (empty where the reader may not see them) and the state of its thread. */
public record ShareDetail(Share share, List<ShareSnapshot> snapshots, ThreadState thread, int latestVersion) {
}
