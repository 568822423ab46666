package org.borderwatch.evidence.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.drew.metadata.Directory;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.File;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Every metadata directory metadata-extractor can create by reflection is registered for the native image. */
class MetadataDirectoriesTest {

    @Test
    void everyConcreteDirectoryOfTheLibraryIsRegistered() throws Exception {
        TreeSet<String> inLibrary = new TreeSet<>();
        File jar = new File(Directory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ZipFile zip = new ZipFile(jar)) {
            for (var entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = load(name.replace('/', '.').substring(0, name.length() - ".class".length()));
                    if (type != null && Directory.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
                            && Arrays.stream(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0)) {
                        inLibrary.add(type.getName());
                    }
                }
            }
        }
        TreeSet<String> registered = new TreeSet<>();
        for (Class<?> target : MetadataDirectories.class.getAnnotation(RegisterForReflection.class).targets()) {
            registered.add(target.getName());
        }
        assertEquals(inLibrary, registered);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, MetadataDirectoriesTest.class.getClassLoader());
        } catch (Throwable optionalDependencyMissing) {
            return null;
        }
    }
}
