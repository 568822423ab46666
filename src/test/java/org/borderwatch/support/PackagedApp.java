package org.borderwatch.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How an end-to-end test starts another process of the packaged service: the jar, or the native binary when that was built. */
public final class PackagedApp {

    private PackagedApp() {
    }

    public static List<String> command(String... systemProperties) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        String nativeImage = System.getProperty("native.image.path");
        List<String> command = new ArrayList<>();
        boolean nativeBuild = !Files.exists(jar) && nativeImage != null && Files.isExecutable(Path.of(nativeImage));
        command.add(nativeBuild ? nativeImage : Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(systemProperties));
        if (!nativeBuild) {
            command.addAll(List.of("-jar", jar.toString()));
        }
        return command;
    }
}
