package cn.pujin.open.account.control;

import cn.pujin.open.platform.control.PersonalData;
import cn.pujin.open.platform.control.Problem;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A person's contact details, read once per transaction: a registration reads them before it takes its seat and
 * its notice (in the same transaction) finds them again without a second round trip. Loading the whole account
 * instead cost two (its roles are a collection of their own).
 */
@ApplicationScoped
public class Contacts {

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    PersonalData personalData;

    /** The contact of an account that exists (deleted ones too: they keep their masked name); 404 otherwise. */
    public Contact of(Long accountId) {
        boolean inTransaction = inTransaction();
        String key = "contact:" + accountId;
        if (inTransaction && transaction.getResource(key) instanceof Contact known) {
            return known;
        }
        Contact contact = em.createQuery("""
                        select new cn.pujin.open.account.control.Contact(a.id, a.displayName, a.phoneMasked, a.emailCipher)
                        from Account a where a.id = :id""", Contact.class)
                .setParameter("id", accountId).getResultStream().findFirst().orElseThrow(Problem::notFound);
        if (inTransaction) {
            transaction.putResource(key, contact);
        }
        return contact;
    }

    /** Contacts of several accounts in one query (a batch of registrations, the mail worker's batch): by account id. */
    public Map<Long, Contact> of(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Contact> found = em.createQuery("""
                        select new cn.pujin.open.account.control.Contact(a.id, a.displayName, a.phoneMasked, a.emailCipher)
                        from Account a where a.id in :ids""", Contact.class)
                .setParameter("ids", accountIds).getResultStream().collect(Collectors.toMap(Contact::id, c -> c));
        if (inTransaction()) {
            found.forEach((id, contact) -> transaction.putResource("contact:" + id, contact));
        }
        return found;
    }

    private boolean inTransaction() {
        return transaction != null && transaction.getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    public Optional<String> emailOf(Contact contact) {
        return Optional.ofNullable(personalData.decrypt(contact.emailCipher()));
    }
}
