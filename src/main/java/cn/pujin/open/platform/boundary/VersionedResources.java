package cn.pujin.open.platform.boundary;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's own page resources (styles, scripts, images) are linked with {@code v=} and the first 12 hex digits
 * of their content's SHA-256, as PrimeFaces links its own with its version: a changed file gets a new address, so every
 * versioned address can be cached for a year as immutable ({@link ResourceCaching}) and a repeat visit downloads none of
 * them again.
 */
public class VersionedResources extends ResourceHandlerWrapper {

    private final Map<String, String> versions = new ConcurrentHashMap<>();

    public VersionedResources(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String name) {
        return versioned(super.createResource(name));
    }

    @Override
    public Resource createResource(String name, String library) {
        return versioned(super.createResource(name, library));
    }

    @Override
    public Resource createResource(String name, String library, String contentType) {
        return versioned(super.createResource(name, library, contentType));
    }

    private Resource versioned(Resource resource) {
        if (resource == null || resource.getLibraryName() != null) {
            return resource; // libraries (PrimeFaces, Faces) carry their own version
        }
        return new ResourceWrapper(resource) {
            @Override
            public String getRequestPath() {
                String path = super.getRequestPath();
                if (path.contains("v=")) {
                    return path;
                }
                String version = versions.computeIfAbsent(getResourceName(), n -> digest(getWrapped()));
                return path + (path.contains("?") ? "&" : "?") + "v=" + version;
            }
        };
    }

    private static String digest(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
