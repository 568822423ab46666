package org.borderwatch.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** A certificate authority made by the test with the JDK's keytool, and the key stores and signing keys it issues. */
public final class TestCa {

    private static final String PASSWORD = "changeit";
    private final Path dir;

    public TestCa(Path dir) throws Exception {
        this.dir = Files.createDirectories(dir);
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-dname", "CN=Borderwatch test CA",
                "-ext", "bc:c", "-storetype", "PKCS12", "-keystore", store("ca").toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store("ca").toString(), "-storepass", PASSWORD, "-file", pem("ca").toString());
    }

    public static String password() {
        return PASSWORD;
    }

    public Path store(String name) {
        return dir.resolve(name + ".p12");
    }

    public Path pem(String name) {
        return dir.resolve(name + ".pem");
    }

    /** A PKCS12 key store for {@code name} (localhost) with a certificate signed by this CA; answers its leaf certificate, PEM. */
    public String issue(String name) throws Exception {
        String store = store(name).toString();
        keytool("-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-dname", "CN=" + name,
                "-storetype", "PKCS12", "-keystore", store, "-storepass", PASSWORD);
        Path csr = dir.resolve(name + ".csr");
        keytool("-certreq", "-alias", "node", "-keystore", store, "-storepass", PASSWORD, "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", store("ca").toString(), "-storepass", PASSWORD, "-infile", csr.toString(),
                "-outfile", pem(name).toString(), "-validity", "30", "-ext", "san=dns:localhost,ip:127.0.0.1");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", pem("ca").toString(), "-keystore", store, "-storepass", PASSWORD);
        keytool("-importcert", "-alias", "node", "-file", pem(name).toString(), "-keystore", store, "-storepass", PASSWORD);
        return Files.readString(pem(name));
    }

    /** A fresh RSA signing key, PKCS#8 PEM, for an installation's own audit or snapshot key. */
    public Path signingKey(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        return Files.writeString(dir.resolve(name + "-private.pem"), pem);
    }

    private static void keytool(String... arguments) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(java.util.List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
    }
}
