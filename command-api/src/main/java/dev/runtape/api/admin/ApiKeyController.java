package dev.runtape.api.admin;

import static dev.runtape.api.commands.Fields.required;

import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.ApiKeys;
import dev.runtape.api.security.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys: issued by an admin for a principal of a tenant with its roles (the full key is in the answer, once: only
 * its hash is stored), listed without secrets, and revoked. Issuing keys is the admin's one act across tenants: the
 * operator of the ledger gives each tenant its first keys. Listing and revoking stay within the admin's tenant.
 */
@RestController
public class ApiKeyController {

    private final ApiKeys keys;

    public ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/admin/api-keys")
    public ResponseEntity<ApiKeyView> issue(@RequestBody IssueApiKeyRequest body) {
        Caller caller = CallerArgument.current();
        if (required("roles", body.roles()).isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "a key needs at least one role");
        }
        String tenant = body.tenant() == null ? caller.tenant() : body.tenant();
        ApiKeys.IssuedKey issued;
        try {
            issued = keys.issue(required("principal", body.principal()), tenant, body.roles());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
        return ResponseEntity.created(URI.create("/admin/api-keys/" + issued.record().id()))
                .body(ApiKeyView.issued(issued));
    }

    @GetMapping("/admin/api-keys")
    public List<ApiKeyView> list() {
        String tenant = CallerArgument.current().tenant();
        return keys.list().stream().filter(key -> key.tenant().equals(tenant)).map(ApiKeyView::of).toList();
    }

    @PostMapping("/admin/api-keys/{id}/revocation")
    public ApiKeyView revoke(@PathVariable String id) {
        String tenant = CallerArgument.current().tenant();
        boolean own = keys.list().stream().anyMatch(key -> key.id().equals(id) && key.tenant().equals(tenant));
        if (!own) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no API key " + id + " in tenant " + tenant);
        }
        return ApiKeyView.of(keys.revoke(id).orElseThrow());
    }
}
