package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static cn.pujin.open.platform.control.JsonCodec.JSON;
import static cn.pujin.open.platform.control.JsonCodec.JSONB;

/**
 * The one entry point of JSON request bodies (our request records; the calendar's year, a free-form JSON object, is
 * read through {@link #parse} too): strict UTF-8, JSON-P parsing, a nesting limit, a length limit on numbers, enum
 * values checked against the record so the error names the field, then JSON-B binding. An empty body binds to
 * {@code null}, which the services reject as "body required". Declared for {@link Record} so Jersey prefers it to the
 * general JSON-B reader (closer type, see MessageBodyFactory).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<Record> {

    static final int MAX_DEPTH = 16;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getName().startsWith("cn.pujin.open.");
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException, WebApplicationException {
        JsonValue value = parse(body);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw malformed();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        checkEnums(type, object, "", errors);
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return JSONB.fromJson(object.toString(), genericType);
    }

    /** The body as a JSON value (null when empty), after the checks every JSON body passes. */
    public static JsonValue parse(InputStream body) throws IOException {
        String text = utf8(body.readAllBytes());
        if (text.isBlank()) {
            return null;
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw malformed();
        } catch (UnsupportedOperationException | ArithmeticException | NumberFormatException tooLong) {
            // Parsson refuses to read a number of more than 1,100 characters (and says so with this exception)
            throw Problem.badRequest(ProblemCode.MALFORMED_JSON, "problem.numberTooLong", MAX_NUMBER_LENGTH);
        }
        if (depth(value, 0) > MAX_DEPTH) {
            throw Problem.badRequest(ProblemCode.MALFORMED_JSON, "problem.jsonTooDeep", MAX_DEPTH);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        checkNumbers(value, "", errors);
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return value;
    }

    /** No record field holds a number of this many characters; longer ones are refused before anyone parses them. */
    static final int MAX_NUMBER_LENGTH = 40;

    /**
     * Numbers longer than {@value #MAX_NUMBER_LENGTH} characters are refused by name: turning a 1,100-digit literal into
     * a BigDecimal is slow, and beyond 1,100 Parsson refuses with an exception nobody maps (a 500 with a stack trace).
     */
    private static void checkNumbers(JsonValue value, String field, List<Problem.FieldError> errors) {
        if (value instanceof JsonObject o) {
            o.forEach((name, v) -> checkNumbers(v, field.isEmpty() ? name : field + "." + name, errors));
        } else if (value instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                checkNumbers(a.get(i), field + "[" + i + "]", errors);
            }
        } else if (value instanceof JsonNumber n && n.toString().length() > MAX_NUMBER_LENGTH) {
            errors.add(new Problem.FieldError(field, "validation.json.value"));
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.badRequest(ProblemCode.MALFORMED_JSON, "problem.notUtf8");
        }
    }

    static Problem malformed() {
        return Problem.badRequest(ProblemCode.MALFORMED_JSON, "problem.malformedJson");
    }

    private static int depth(JsonValue value, int level) {
        if (level > MAX_DEPTH) {
            return level;
        }
        int deepest = level;
        if (value instanceof JsonObject o) {
            for (JsonValue v : o.values()) {
                deepest = Math.max(deepest, depth(v, level + 1));
            }
        } else if (value instanceof JsonArray a) {
            for (JsonValue v : a) {
                deepest = Math.max(deepest, depth(v, level + 1));
            }
        }
        return deepest;
    }

    /**
     * Every component holds a value of its own shape, named by its field when not: text in a text field (JSON-B would
     * turn 12345 into "12345"), a whole number in a number field (1.5 would become 1), true or false in a yes/no field,
     * a known constant in an enum field — also inside nested records, lists and maps.
     */
    private static void checkEnums(Class<?> type, JsonObject object, String prefix, List<Problem.FieldError> errors) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            // a component may be named otherwise in JSON ("public" is a Java keyword)
            JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
            String name = renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
            JsonValue value = object.get(name);
            if (value != null && value != JsonValue.NULL) {
                checkShape(component.getType(), component.getGenericType(), value, prefix + name, errors);
            }
        }
    }

    private static void checkShape(Class<?> type, Type generic, JsonValue value, String field, List<Problem.FieldError> errors) {
        if (type.isEnum()) {
            checkConstant(type, value, field, errors);
        } else if (type == String.class) {
            require(value instanceof JsonString, field, "validation.type.text", errors);
        } else if (type == Boolean.class || type == boolean.class) {
            require(value == JsonValue.TRUE || value == JsonValue.FALSE, field, "validation.type.boolean", errors);
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            boolean whole = value instanceof JsonNumber n && n.isIntegral()
                    && n.bigIntegerValue().bitLength() < (type == Long.class || type == long.class ? 64 : 32);
            require(whole, field, "validation.type.integer", errors);
        } else if (type.isRecord()) {
            if (value instanceof JsonObject nested) {
                checkEnums(type, nested, field + ".", errors);
            } else {
                require(false, field, "validation.type.object", errors);
            }
        } else if (Collection.class.isAssignableFrom(type)) {
            if (!(value instanceof JsonArray array)) {
                require(false, field, "validation.type.list", errors);
            } else if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) != JsonValue.NULL) {
                        checkShape(element, element, array.get(i), field + "[" + i + "]", errors);
                    }
                }
            }
        } else if (Map.class.isAssignableFrom(type)) {
            if (!(value instanceof JsonObject map)) {
                require(false, field, "validation.type.object", errors);
            } else if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[1] instanceof Class<?> element) {
                map.forEach((key, v) -> {
                    if (v != JsonValue.NULL) {
                        checkShape(element, element, v, field + "." + key, errors);
                    }
                });
            }
        }
    }

    private static void require(boolean ok, String field, String key, List<Problem.FieldError> errors) {
        if (!ok) {
            errors.add(new Problem.FieldError(field, key));
        }
    }

    private static void checkConstant(Class<?> enumType, JsonValue value, String field, List<Problem.FieldError> errors) {
        Object[] constants = enumType.getEnumConstants();
        boolean known = value instanceof JsonString s
                && Arrays.stream(constants).anyMatch(c -> ((Enum<?>) c).name().equals(s.getString()));
        if (!known) {
            errors.add(new Problem.FieldError(field, "validation.enum", Arrays.asList(constants)));
        }
    }
}
