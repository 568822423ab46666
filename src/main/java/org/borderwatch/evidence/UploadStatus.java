package org.borderwatch.evidence;

/** Where a resumable upload stands. Only a COMPLETE upload has become evidence. */
public enum UploadStatus {
    UPLOADING, COMPLETE, FAILED, ABANDONED, EXPIRED
}
