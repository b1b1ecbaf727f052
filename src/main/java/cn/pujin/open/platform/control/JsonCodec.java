package cn.pujin.open.platform.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The application's one JSON-P provider and one JSON-B instance. {@code jakarta.json.Json.createReader()} and
 * friends look the provider up through the ServiceLoader on every call, which under load serialises request
 * threads on the class loaders' jar locks (seen in the registration rush); these are looked up once.
 */
public final class JsonCodec {

    public static final JsonProvider JSON = JsonProvider.provider();
    public static final Jsonb JSONB = JsonbBuilder.create();

    private JsonCodec() {}
}
