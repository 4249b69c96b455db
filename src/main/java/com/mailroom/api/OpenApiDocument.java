package com.mailroom.api;

import com.mailroom.delivery.boundary.MailView;
import com.mailroom.delivery.entity.Category;
import com.mailroom.delivery.entity.MailStatus;
import com.mailroom.oauth.entity.ClientAuth;
import com.mailroom.platform.WireEnum;
import com.mailroom.sending.control.Stage;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.settings.boundary.SmtpSettingsView;
import com.mailroom.settings.boundary.TestReport;
import com.mailroom.status.boundary.StatusView;
import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.boundary.UserView;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes {@code /openapi}, which the server builds from the annotations on the resources and the JSON records
 * (named in {@code META-INF/microprofile-config.properties}), with what the server's scanner gets wrong or the
 * annotations cannot say once:
 * <ul>
 * <li>The records' fields as {@link JsonRecords} binds them and JSON-B writes them: snake_case names, and types taken
 *     from the components (lists of strings or of records, base64 as a string, enums by reference). The annotations
 *     give descriptions, required fields, limits and examples; the scanner's structure for them is replaced.
 * <li>The enums with the values JSON carries ({@code starttls}, not {@code STARTTLS}), taken from the enums
 *     themselves; views that hold one as a string name its schema ({@code @Schema(ref = "MailStatus")}).
 * <li>Every 4xx answer in the one error shape ({@link ErrorBody}, as {@link ErrorMappers} sends it): the annotations
 *     name the statuses that matter per operation, this gives them, and a {@code 4XX} for the rest, the schema.
 * <li>The answer of a method that returns a body is the 200: the scanner files it under {@code default}, with the
 *     schema of the return type (which it drops when an annotation names another code, so the annotations describe
 *     that answer as {@code responseCode = "default"}).
 * <li>No defaults of annotation attributes shown as values ({@code "nullable": false}, {@code "maxProperties": 0}).
 * </ul>
 */
public class OpenApiDocument implements OASFilter {

    private static final Logger LOG = Logger.getLogger(OpenApiDocument.class.getName());
    private static volatile boolean warned;

    /** The enums of the API by schema name, with their values as JSON carries them. */
    static final Map<String, List<String>> ENUMS = Map.of(
            "Category", wire(Category.values()),
            "MailStatus", wire(MailStatus.values()),
            "TlsMode", wire(TlsMode.values()),
            "TlsVersion", values(TlsVersion.values(), TlsVersion::name),
            "AuthType", wire(AuthType.values()),
            "AuthMechanism", wire(AuthMechanism.values()),
            "ClientAuth", wire(ClientAuth.values()),
            "Stage", values(Stage.values(), Stage::wireName),
            "SslVersion", values(LegacySettingsBody.SslVersion.values(), Enum::name),
            "PeerAuthType", wire(LegacySettingsBody.PeerAuthType.values()));

    /** The request and answer bodies, described from their components. */
    static final List<Class<? extends Record>> RECORDS = List.of(
            MailBody.class,
            MailBody.Attachment.class,
            MailResource.Queued.class,
            MailView.class,
            SettingsBody.class,
            SmtpSettingsView.class,
            TestReport.class,
            StatusView.class,
            StatusView.Node.class,
            UsersResource.NewUser.class,
            UsersResource.UserPatch.class,
            UserView.class,
            ApiAccess.IssuedCredentials.class,
            ApiAccess.IssuedToken.class,
            LegacySettingsBody.class,
            LegacyApiResource.LegacyStatus.class,
            LegacyApiResource.LegacyStatus.Node.class,
            ErrorBody.class,
            ErrorBody.Field.class);

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getProperties() != null) {
            Map<String, Schema> renamed = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> renamed.put(JsonRecords.jsonName(name), property));
            schema.setProperties(renamed);
        }
        if (schema.getRequired() != null) {
            schema.setRequired(schema.getRequired().stream()
                    .map(JsonRecords::jsonName)
                    .distinct()
                    .toList());
        }
        try {
            withoutDefaults(schema);
        } catch (LinkageError newerApi) {
            olderApiOnly(newerApi);
        }
        return schema;
    }

    /**
     * Written against MicroProfile OpenAPI 3.1 (MicroProfile 6.1). Servers with 4.x (WildFly 39, Payara 7) changed
     * some of the model's types (nullable, exclusive bounds, the schema's type): there the completion that needs them
     * is skipped and the document stays as the server's scanner made it, rather than failing the deployment.
     */
    private static void olderApiOnly(LinkageError e) {
        if (!warned) {
            warned = true;
            LOG.info(() -> "/openapi is left as the server built it: its MicroProfile OpenAPI is newer than 3.1 ("
                    + e.getMessage() + ")");
        }
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (Boolean.FALSE.equals(operation.getDeprecated())) {
            operation.setDeprecated(null);
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        try {
            complete(api);
        } catch (LinkageError newerApi) {
            olderApiOnly(newerApi);
        }
    }

    private static void complete(OpenAPI api) {
        Components components = api.getComponents();
        ENUMS.forEach((name, values) -> components.addSchema(
                name, OASFactory.createSchema().type(SchemaType.STRING).enumeration(List.copyOf(values))));
        RECORDS.forEach(type -> components.addSchema(SchemaNames.of(type), describe(type, components)));
        if (api.getTags() != null) {
            // the scanner lists a tag once per resource class that carries it; the first has the description
            Map<String, Tag> tags = new LinkedHashMap<>();
            api.getTags().forEach(tag -> tags.putIfAbsent(tag.getName(), tag));
            api.setTags(List.copyOf(tags.values()));
        }
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .map(Operation::getResponses)
                .forEach(OpenApiDocument::errorsInOneShape);
    }

    /** A record's schema: its components' JSON names and types, with what the annotations said about them. */
    private static Schema describe(Class<? extends Record> type, Components components) {
        Schema scanned =
                components.getSchemas() == null ? null : components.getSchemas().get(SchemaNames.of(type));
        Map<String, Schema> said =
                scanned == null || scanned.getProperties() == null ? Map.of() : scanned.getProperties();
        Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
        JsonRecords.fields(type).forEach((name, component) -> {
            Schema property = said.get(name);
            schema.addProperty(
                    name,
                    property != null && property.getRef() != null
                            ? OASFactory.createSchema().ref(property.getRef())
                            : annotated(of(component.getGenericType()), property));
        });
        if (scanned != null) {
            schema.setDescription(scanned.getDescription());
            if (scanned.getRequired() != null) {
                schema.setRequired(scanned.getRequired().stream()
                        .filter(schema.getProperties()::containsKey)
                        .sorted(Comparator.comparing(
                                List.copyOf(schema.getProperties().keySet())::indexOf))
                        .toList());
            }
        }
        return schema;
    }

    /** The schema of a component's Java type, as {@link JsonRecords} reads it. */
    private static Schema of(Type type) {
        Schema schema = OASFactory.createSchema();
        if (type instanceof ParameterizedType list) {
            return schema.type(SchemaType.ARRAY).items(of(list.getActualTypeArguments()[0]));
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return schema.type(SchemaType.STRING);
        } else if (c == boolean.class || c == Boolean.class) {
            return schema.type(SchemaType.BOOLEAN);
        } else if (c == int.class || c == Integer.class) {
            return schema.type(SchemaType.INTEGER).format("int32");
        } else if (c == long.class || c == Long.class) {
            return schema.type(SchemaType.INTEGER).format("int64");
        } else if (c == byte[].class) {
            return schema.type(SchemaType.STRING).format("byte");
        }
        return schema.ref(SchemaNames.of(c)); // an enum or a record
    }

    /** What the annotation on the component said, kept where a reference does not stand alone. */
    private static Schema annotated(Schema schema, Schema said) {
        if (said == null || schema.getRef() != null) {
            return schema;
        }
        if (said.getEnumeration() != null && !said.getEnumeration().isEmpty()) {
            schema.setEnumeration(said.getEnumeration());
        }
        return schema.description(said.getDescription())
                .maxLength(said.getMaxLength())
                .maxItems(said.getMaxItems())
                .defaultValue(said.getDefaultValue())
                .example(said.getExample())
                .writeOnly(said.getWriteOnly());
    }

    private static void errorsInOneShape(APIResponses responses) {
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4")) {
                response.setContent(errorContent());
            }
        });
        if (responses.getAPIResponse("4XX") == null) {
            responses.addAPIResponse(
                    "4XX",
                    OASFactory.createAPIResponse()
                            .description("Refused: `message` says why, `errors` names the fields concerned (docs/api.md"
                                    + " \"Errors\")")
                            .content(errorContent()));
        }
        // the scanner puts the method's return type under "default": a method that returns a body answers 200
        var returned = responses.getDefaultValue();
        if (returned != null) {
            responses.removeAPIResponse(APIResponses.DEFAULT);
            if (responses.getAPIResponses().keySet().stream().noneMatch(status -> status.startsWith("2"))) {
                responses.addAPIResponse("200", returned);
            }
        }
    }

    private static Content errorContent() {
        return OASFactory.createContent()
                .addMediaType(
                        MediaType.APPLICATION_JSON,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(SchemaNames.of(ErrorBody.class))));
    }

    /** The scanner writes the defaults of the annotation's attributes as if they had been set. */
    private static void withoutDefaults(Schema schema) {
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        Integer zero = 0;
        if (zero.equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (zero.equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (zero.equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
    }

    private static List<String> wire(WireEnum[] values) {
        return values(values, WireEnum::wireName);
    }

    private static <E> List<String> values(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }
}
