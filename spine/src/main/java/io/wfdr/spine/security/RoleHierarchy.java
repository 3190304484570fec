package io.wfdr.spine.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Grants each role the roles it includes, so an endpoint names only the least role it needs. */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    private static final Map<String, Set<String>> INCLUDES = Map.of(
            Roles.ADMIN, Set.of(Roles.APPROVER, Roles.OPERATOR, Roles.VIEWER),
            Roles.APPROVER, Set.of(Roles.VIEWER),
            Roles.OPERATOR, Set.of(Roles.VIEWER));

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> granted = new HashSet<>();
        identity.getRoles().forEach(role -> granted.addAll(INCLUDES.getOrDefault(role, Set.of())));
        granted.removeAll(identity.getRoles());
        if (granted.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(granted).build());
    }
}
