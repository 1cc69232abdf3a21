using ApprenticeTracker.Persistence.Migrations;

namespace ApprenticeTracker.Persistence.PostgreSql;

/// <summary>
/// The triggers that the SQLite migrations create, in PL/pgSQL, created by the initial PostgreSQL migration after the
/// tables: the append-only audit log, the upkeep of <c>DutyEvidenceCounts</c>, of <c>DashboardCounts</c> and of <c>OffTheJobTotals</c>. Each does
/// what its SQLite twin does, so the Persistence tests run on both databases check them alike.
/// </summary>
public static class PostgreSqlTriggers
{
    /// <summary>The statements, in order: audit log, duty evidence counts, dashboard counts (which fire from the counts), off-the-job totals.</summary>
    public static IEnumerable<string> Create()
    {
        // The audit log is append-only: no change, removal or truncation of a stored event, whatever writes to the database.
        yield return """
            CREATE FUNCTION "AuditEvents_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'Audit events are append-only: they cannot be %.',
                    CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END;
            END $$;
            CREATE TRIGGER "AuditEvents_refuse_update" BEFORE UPDATE ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION "AuditEvents_refuse"();
            CREATE TRIGGER "AuditEvents_refuse_delete" BEFORE DELETE ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION "AuditEvents_refuse"();
            CREATE TRIGGER "AuditEvents_refuse_truncate" BEFORE TRUNCATE ON "AuditEvents" FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvents_refuse"();
            """;

        // DutyEvidenceCounts: one item's contribution (by its status; drafts are not counted) added to or taken from one
        // (enrolment, duty) pair; a row whose counts all reach zero is removed.
        yield return """
            CREATE FUNCTION "DutyEvidenceCounts_apply"(enrolment uuid, duty uuid, status text, sign integer) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                IF status NOT IN ('Submitted', 'Accepted', 'ReferredBack') THEN
                    RETURN;
                END IF;
                IF sign > 0 THEN
                    INSERT INTO "DutyEvidenceCounts" ("EnrolmentId", "DutyId", "Submitted", "Accepted", "ReferredBack")
                    VALUES (enrolment, duty, (status = 'Submitted')::int, (status = 'Accepted')::int, (status = 'ReferredBack')::int)
                    ON CONFLICT ("EnrolmentId", "DutyId") DO UPDATE SET
                        "Submitted" = "DutyEvidenceCounts"."Submitted" + excluded."Submitted",
                        "Accepted" = "DutyEvidenceCounts"."Accepted" + excluded."Accepted",
                        "ReferredBack" = "DutyEvidenceCounts"."ReferredBack" + excluded."ReferredBack";
                ELSE
                    UPDATE "DutyEvidenceCounts" SET
                        "Submitted" = "Submitted" - (status = 'Submitted')::int,
                        "Accepted" = "Accepted" - (status = 'Accepted')::int,
                        "ReferredBack" = "ReferredBack" - (status = 'ReferredBack')::int
                    WHERE "EnrolmentId" = enrolment AND "DutyId" = duty;
                    DELETE FROM "DutyEvidenceCounts"
                    WHERE "EnrolmentId" = enrolment AND "DutyId" = duty AND "Submitted" = 0 AND "Accepted" = 0 AND "ReferredBack" = 0;
                END IF;
            END $$;
            CREATE FUNCTION "DutyEvidenceCounts_link_added"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM "DutyEvidenceCounts_apply"(i."EnrolmentId", NEW."DutyId", i."Status", 1)
                FROM "EvidenceItems" AS i WHERE i."Id" = NEW."EvidenceItemId";
                RETURN NULL;
            END $$;
            CREATE TRIGGER "DutyEvidenceCounts_link_added" AFTER INSERT ON "EvidenceDuties" FOR EACH ROW EXECUTE FUNCTION "DutyEvidenceCounts_link_added"();
            CREATE FUNCTION "DutyEvidenceCounts_link_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM "DutyEvidenceCounts_apply"(i."EnrolmentId", OLD."DutyId", i."Status", -1)
                FROM "EvidenceItems" AS i WHERE i."Id" = OLD."EvidenceItemId";
                RETURN NULL;
            END $$;
            CREATE TRIGGER "DutyEvidenceCounts_link_removed" AFTER DELETE ON "EvidenceDuties" FOR EACH ROW EXECUTE FUNCTION "DutyEvidenceCounts_link_removed"();
            CREATE FUNCTION "DutyEvidenceCounts_item_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM "DutyEvidenceCounts_apply"(OLD."EnrolmentId", d."DutyId", OLD."Status", -1)
                FROM "EvidenceDuties" AS d WHERE d."EvidenceItemId" = OLD."Id";
                PERFORM "DutyEvidenceCounts_apply"(NEW."EnrolmentId", d."DutyId", NEW."Status", 1)
                FROM "EvidenceDuties" AS d WHERE d."EvidenceItemId" = NEW."Id";
                RETURN NULL;
            END $$;
            CREATE TRIGGER "DutyEvidenceCounts_item_changed" AFTER UPDATE OF "Status", "EnrolmentId" ON "EvidenceItems" FOR EACH ROW
                WHEN (OLD."Status" IS DISTINCT FROM NEW."Status" OR OLD."EnrolmentId" IS DISTINCT FROM NEW."EnrolmentId")
                EXECUTE FUNCTION "DutyEvidenceCounts_item_changed"();
            CREATE FUNCTION "DutyEvidenceCounts_item_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                -- The links go first, while the item is still there to say whose they were, so the link trigger takes
                -- their counts away; the foreign key's cascade then finds nothing left to remove.
                DELETE FROM "EvidenceDuties" WHERE "EvidenceItemId" = OLD."Id";
                RETURN OLD;
            END $$;
            CREATE TRIGGER "DutyEvidenceCounts_item_removed" BEFORE DELETE ON "EvidenceItems" FOR EACH ROW EXECUTE FUNCTION "DutyEvidenceCounts_item_removed"();
            """;

        foreach (var trigger in DashboardCountsSql.CreatePostgreSqlTriggers())
        {
            yield return trigger;
        }

        foreach (var trigger in OffTheJobTotalsSql.CreatePostgreSqlTriggers())
        {
            yield return trigger;
        }
    }
}
