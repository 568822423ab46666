package org.borderwatch.evidence.storage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

/**
 * Native image only: the AWS SDK's checksum provider refers to the optional AWS Common Runtime (aws-crt, a JNI library
 * this service does not ship) for CRC32C, CRC64-NVME and xxHash. Those references cannot be linked at build time; the
 * service asks the object store for checksums only when required and checks its own SHA-256, so the CRT paths are
 * replaced by what the SDK does when the CRT is absent: Java's CRC32C, and a refusal for the CRT-only algorithms.
 */
@TargetClass(className = "software.amazon.awssdk.checksums.internal.ChecksumProvider")
final class AwsSdkWithoutCrt {

    private AwsSdkWithoutCrt() {
    }

    @Substitute
    static SdkChecksum createCrtCrc32C() {
        return null;
    }

    @Substitute
    static SdkChecksum crc64NvmeCrtImplementation() {
        throw new IllegalStateException("CRC64-NVME needs the AWS Common Runtime, which this service does not ship");
    }

    @Substitute
    static SdkChecksum crtXxHash(ChecksumAlgorithm algorithm) {
        throw new IllegalStateException(algorithm.algorithmId() + " needs the AWS Common Runtime, which this service does not ship");
    }
}
