CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "MustChangePassword" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEvents" PRIMARY KEY AUTOINCREMENT,
    "OccurredAt" INTEGER NOT NULL,
    "ActorUserId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "EnrolmentId" TEXT NULL,
    "TrainingProviderId" TEXT NULL,
    "Details" TEXT NULL
);

CREATE TABLE "Standards" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Standards" PRIMARY KEY,
    "ReferenceNumber" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "TypicalDurationMonths" INTEGER NOT NULL,
    "Route" TEXT NOT NULL,
    "LarsCode" INTEGER NULL,
    "MaxFunding" TEXT NULL,
    "IntegratedDegree" INTEGER NOT NULL,
    "Status" TEXT NULL,
    "OverviewOfRole" TEXT NULL,
    "ImportedAt" INTEGER NOT NULL
);

CREATE TABLE "TrainingProviders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TrainingProviders" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Ukprn" TEXT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Duties" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Duties" PRIMARY KEY,
    "StandardId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "ExternalId" TEXT NOT NULL,
    "Statement" TEXT NOT NULL,
    "IsCore" INTEGER NOT NULL,
    CONSTRAINT "FK_Duties_Standards_StandardId" FOREIGN KEY ("StandardId") REFERENCES "Standards" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GatewayRequirements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GatewayRequirements" PRIMARY KEY,
    "StandardId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Label" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_GatewayRequirements_Standards_StandardId" FOREIGN KEY ("StandardId") REFERENCES "Standards" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Ksbs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Ksbs" PRIMARY KEY,
    "StandardId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "ExternalId" TEXT NOT NULL,
    "Detail" TEXT NOT NULL,
    CONSTRAINT "FK_Ksbs_Standards_StandardId" FOREIGN KEY ("StandardId") REFERENCES "Standards" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Apprentices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Apprentices" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "TrainingProviderId" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    CONSTRAINT "FK_Apprentices_TrainingProviders_TrainingProviderId" FOREIGN KEY ("TrainingProviderId") REFERENCES "TrainingProviders" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Assessors" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Assessors" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "TrainingProviderId" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "JobTitle" TEXT NULL,
    CONSTRAINT "FK_Assessors_TrainingProviders_TrainingProviderId" FOREIGN KEY ("TrainingProviderId") REFERENCES "TrainingProviders" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Cohorts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Cohorts" PRIMARY KEY,
    "TrainingProviderId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    CONSTRAINT "FK_Cohorts_TrainingProviders_TrainingProviderId" FOREIGN KEY ("TrainingProviderId") REFERENCES "TrainingProviders" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Employers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Employers" PRIMARY KEY,
    "TrainingProviderId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_Employers_TrainingProviders_TrainingProviderId" FOREIGN KEY ("TrainingProviderId") REFERENCES "TrainingProviders" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DutyKsbs" (
    "DutyId" TEXT NOT NULL,
    "KsbId" TEXT NOT NULL,
    CONSTRAINT "PK_DutyKsbs" PRIMARY KEY ("DutyId", "KsbId"),
    CONSTRAINT "FK_DutyKsbs_Duties_DutyId" FOREIGN KEY ("DutyId") REFERENCES "Duties" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DutyKsbs_Ksbs_KsbId" FOREIGN KEY ("KsbId") REFERENCES "Ksbs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Enrolments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Enrolments" PRIMARY KEY,
    "ApprenticeId" TEXT NOT NULL,
    "StandardId" TEXT NOT NULL,
    "TrainingProviderId" TEXT NOT NULL,
    "EmployerId" TEXT NOT NULL,
    "CohortId" TEXT NULL,
    "StartDate" TEXT NOT NULL,
    "PlannedEndDate" TEXT NOT NULL,
    "MinimumDurationMonths" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "StatusChangedAt" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_Enrolments_Apprentices_ApprenticeId" FOREIGN KEY ("ApprenticeId") REFERENCES "Apprentices" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Enrolments_Cohorts_CohortId" FOREIGN KEY ("CohortId") REFERENCES "Cohorts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Enrolments_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Enrolments_Standards_StandardId" FOREIGN KEY ("StandardId") REFERENCES "Standards" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Enrolments_TrainingProviders_TrainingProviderId" FOREIGN KEY ("TrainingProviderId") REFERENCES "TrainingProviders" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AssessorAssignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssessorAssignments" PRIMARY KEY,
    "EnrolmentId" TEXT NOT NULL,
    "AssessorId" TEXT NOT NULL,
    "AssignedAt" INTEGER NOT NULL,
    "EndedAt" INTEGER NULL,
    CONSTRAINT "FK_AssessorAssignments_Assessors_AssessorId" FOREIGN KEY ("AssessorId") REFERENCES "Assessors" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssessorAssignments_Enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES "Enrolments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DutySignOffs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DutySignOffs" PRIMARY KEY,
    "EnrolmentId" TEXT NOT NULL,
    "DutyId" TEXT NOT NULL,
    "AssessorId" TEXT NOT NULL,
    "AssessorName" TEXT NOT NULL,
    "Declaration" TEXT NOT NULL,
    "SignedAt" INTEGER NOT NULL,
    "RevokedAt" INTEGER NULL,
    "RevokedByUserId" TEXT NULL,
    "RevokedByName" TEXT NULL,
    "RevocationReason" TEXT NULL,
    CONSTRAINT "FK_DutySignOffs_Assessors_AssessorId" FOREIGN KEY ("AssessorId") REFERENCES "Assessors" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DutySignOffs_Duties_DutyId" FOREIGN KEY ("DutyId") REFERENCES "Duties" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DutySignOffs_Enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES "Enrolments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EvidenceItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvidenceItems" PRIMARY KEY,
    "EnrolmentId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "ActivityDate" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "SubmittedAt" INTEGER NULL,
    "ReviewedAt" INTEGER NULL,
    "SubmissionCount" INTEGER NOT NULL,
    "RevisionNumber" INTEGER NOT NULL,
    "RevisionOfId" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_EvidenceItems_Enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES "Enrolments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EvidenceItems_EvidenceItems_RevisionOfId" FOREIGN KEY ("RevisionOfId") REFERENCES "EvidenceItems" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GatewayConfirmations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GatewayConfirmations" PRIMARY KEY,
    "EnrolmentId" TEXT NOT NULL,
    "RequirementKey" TEXT NOT NULL,
    "ConfirmedByUserId" TEXT NOT NULL,
    "ConfirmedByName" TEXT NOT NULL,
    "Note" TEXT NULL,
    "ConfirmedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_GatewayConfirmations_Enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES "Enrolments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Attachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Attachments" PRIMARY KEY,
    "EvidenceItemId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "StorageKey" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Attachments_EvidenceItems_EvidenceItemId" FOREIGN KEY ("EvidenceItemId") REFERENCES "EvidenceItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EvidenceDuties" (
    "EvidenceItemId" TEXT NOT NULL,
    "DutyId" TEXT NOT NULL,
    CONSTRAINT "PK_EvidenceDuties" PRIMARY KEY ("EvidenceItemId", "DutyId"),
    CONSTRAINT "FK_EvidenceDuties_Duties_DutyId" FOREIGN KEY ("DutyId") REFERENCES "Duties" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EvidenceDuties_EvidenceItems_EvidenceItemId" FOREIGN KEY ("EvidenceItemId") REFERENCES "EvidenceItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EvidenceKsbs" (
    "EvidenceItemId" TEXT NOT NULL,
    "KsbId" TEXT NOT NULL,
    CONSTRAINT "PK_EvidenceKsbs" PRIMARY KEY ("EvidenceItemId", "KsbId"),
    CONSTRAINT "FK_EvidenceKsbs_EvidenceItems_EvidenceItemId" FOREIGN KEY ("EvidenceItemId") REFERENCES "EvidenceItems" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EvidenceKsbs_Ksbs_KsbId" FOREIGN KEY ("KsbId") REFERENCES "Ksbs" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "EvidenceReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvidenceReviews" PRIMARY KEY,
    "EvidenceItemId" TEXT NOT NULL,
    "Decision" TEXT NOT NULL,
    "Feedback" TEXT NULL,
    "AssessorId" TEXT NOT NULL,
    "AssessorName" TEXT NOT NULL,
    "ReviewedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_EvidenceReviews_Assessors_AssessorId" FOREIGN KEY ("AssessorId") REFERENCES "Assessors" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EvidenceReviews_EvidenceItems_EvidenceItemId" FOREIGN KEY ("EvidenceItemId") REFERENCES "EvidenceItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SignOffEvidence" (
    "DutySignOffId" TEXT NOT NULL,
    "EvidenceItemId" TEXT NOT NULL,
    CONSTRAINT "PK_SignOffEvidence" PRIMARY KEY ("DutySignOffId", "EvidenceItemId"),
    CONSTRAINT "FK_SignOffEvidence_DutySignOffs_DutySignOffId" FOREIGN KEY ("DutySignOffId") REFERENCES "DutySignOffs" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_SignOffEvidence_EvidenceItems_EvidenceItemId" FOREIGN KEY ("EvidenceItemId") REFERENCES "EvidenceItems" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Apprentices_TrainingProviderId" ON "Apprentices" ("TrainingProviderId");

CREATE UNIQUE INDEX "IX_Apprentices_UserId" ON "Apprentices" ("UserId");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AssessorAssignments_AssessorId" ON "AssessorAssignments" ("AssessorId");

CREATE INDEX "IX_AssessorAssignments_EnrolmentId" ON "AssessorAssignments" ("EnrolmentId");

CREATE INDEX "IX_Assessors_TrainingProviderId" ON "Assessors" ("TrainingProviderId");

CREATE UNIQUE INDEX "IX_Assessors_UserId" ON "Assessors" ("UserId");

CREATE INDEX "IX_Attachments_EvidenceItemId" ON "Attachments" ("EvidenceItemId");

CREATE INDEX "IX_Attachments_StorageKey" ON "Attachments" ("StorageKey");

CREATE INDEX "IX_AuditEvents_EnrolmentId_Id" ON "AuditEvents" ("EnrolmentId", "Id");

CREATE INDEX "IX_AuditEvents_EntityType_EntityId" ON "AuditEvents" ("EntityType", "EntityId");

CREATE INDEX "IX_AuditEvents_TrainingProviderId_Id" ON "AuditEvents" ("TrainingProviderId", "Id");

CREATE UNIQUE INDEX "IX_Cohorts_TrainingProviderId_Name" ON "Cohorts" ("TrainingProviderId", "Name");

CREATE INDEX "IX_Duties_StandardId_Number" ON "Duties" ("StandardId", "Number");

CREATE INDEX "IX_DutyKsbs_KsbId" ON "DutyKsbs" ("KsbId");

CREATE INDEX "IX_DutySignOffs_AssessorId" ON "DutySignOffs" ("AssessorId");

CREATE INDEX "IX_DutySignOffs_DutyId" ON "DutySignOffs" ("DutyId");

CREATE INDEX "IX_DutySignOffs_EnrolmentId_DutyId" ON "DutySignOffs" ("EnrolmentId", "DutyId");

CREATE INDEX "IX_Employers_TrainingProviderId" ON "Employers" ("TrainingProviderId");

CREATE INDEX "IX_Enrolments_ApprenticeId" ON "Enrolments" ("ApprenticeId");

CREATE INDEX "IX_Enrolments_CohortId" ON "Enrolments" ("CohortId");

CREATE INDEX "IX_Enrolments_EmployerId" ON "Enrolments" ("EmployerId");

CREATE INDEX "IX_Enrolments_StandardId" ON "Enrolments" ("StandardId");

CREATE INDEX "IX_Enrolments_TrainingProviderId" ON "Enrolments" ("TrainingProviderId");

CREATE INDEX "IX_EvidenceDuties_DutyId" ON "EvidenceDuties" ("DutyId");

CREATE INDEX "IX_EvidenceItems_EnrolmentId_ActivityDate" ON "EvidenceItems" ("EnrolmentId", "ActivityDate");

CREATE INDEX "IX_EvidenceItems_EnrolmentId_Status" ON "EvidenceItems" ("EnrolmentId", "Status");

CREATE INDEX "IX_EvidenceItems_RevisionOfId" ON "EvidenceItems" ("RevisionOfId");

CREATE INDEX "IX_EvidenceKsbs_KsbId" ON "EvidenceKsbs" ("KsbId");

CREATE INDEX "IX_EvidenceReviews_AssessorId" ON "EvidenceReviews" ("AssessorId");

CREATE INDEX "IX_EvidenceReviews_EvidenceItemId" ON "EvidenceReviews" ("EvidenceItemId");

CREATE UNIQUE INDEX "IX_GatewayConfirmations_EnrolmentId_RequirementKey" ON "GatewayConfirmations" ("EnrolmentId", "RequirementKey");

CREATE UNIQUE INDEX "IX_GatewayRequirements_StandardId_Key" ON "GatewayRequirements" ("StandardId", "Key");

CREATE INDEX "IX_Ksbs_StandardId_Kind_Position" ON "Ksbs" ("StandardId", "Kind", "Position");

CREATE INDEX "IX_SignOffEvidence_EvidenceItemId" ON "SignOffEvidence" ("EvidenceItemId");

CREATE UNIQUE INDEX "IX_Standards_ReferenceNumber_Version" ON "Standards" ("ReferenceNumber", "Version");

CREATE UNIQUE INDEX "IX_TrainingProviders_Ukprn" ON "TrainingProviders" ("Ukprn");

CREATE TRIGGER AuditEvents_refuse_update BEFORE UPDATE ON AuditEvents BEGIN SELECT RAISE(ABORT, 'Audit events are append-only: they cannot be changed.'); END;

CREATE TRIGGER AuditEvents_refuse_delete BEFORE DELETE ON AuditEvents BEGIN SELECT RAISE(ABORT, 'Audit events are append-only: they cannot be deleted.'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121083443_Initial', '6.0.7');

COMMIT;

BEGIN TRANSACTION;

CREATE TABLE "FormSubmissions" (
    "Token" TEXT NOT NULL CONSTRAINT "PK_FormSubmissions" PRIMARY KEY,
    "RecordId" TEXT NOT NULL,
    "SubmittedAt" INTEGER NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121091140_FormSubmissions', '6.0.7');

COMMIT;

BEGIN TRANSACTION;

CREATE INDEX "IX_EvidenceItems_EnrolmentId_Status_Id" ON "EvidenceItems" ("EnrolmentId", "Status", "Id");

CREATE INDEX "IX_EvidenceItems_EnrolmentId_SubmittedAt" ON "EvidenceItems" ("EnrolmentId", "SubmittedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121101402_DashboardIndexes', '6.0.7');

COMMIT;

BEGIN TRANSACTION;

CREATE TABLE "DutyEvidenceCounts" (
    "EnrolmentId" TEXT NOT NULL,
    "DutyId" TEXT NOT NULL,
    "Submitted" INTEGER NOT NULL,
    "Accepted" INTEGER NOT NULL,
    "ReferredBack" INTEGER NOT NULL,
    CONSTRAINT "PK_DutyEvidenceCounts" PRIMARY KEY ("EnrolmentId", "DutyId"),
    CONSTRAINT "FK_DutyEvidenceCounts_Duties_DutyId" FOREIGN KEY ("DutyId") REFERENCES "Duties" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DutyEvidenceCounts_Enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES "Enrolments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DutyEvidenceCounts_DutyId" ON "DutyEvidenceCounts" ("DutyId");

CREATE TRIGGER DutyEvidenceCounts_link_added AFTER INSERT ON EvidenceDuties BEGIN INSERT OR IGNORE INTO DutyEvidenceCounts (EnrolmentId, DutyId, Submitted, Accepted, ReferredBack) SELECT (SELECT EnrolmentId FROM EvidenceItems WHERE Id = NEW.EvidenceItemId), NEW.DutyId, 0, 0, 0  WHERE (SELECT Status FROM EvidenceItems WHERE Id = NEW.EvidenceItemId) IN ('Submitted', 'Accepted', 'ReferredBack'); UPDATE DutyEvidenceCounts SET Submitted = Submitted + ((SELECT Status FROM EvidenceItems WHERE Id = NEW.EvidenceItemId) = 'Submitted'), Accepted = Accepted + ((SELECT Status FROM EvidenceItems WHERE Id = NEW.EvidenceItemId) = 'Accepted'), ReferredBack = ReferredBack + ((SELECT Status FROM EvidenceItems WHERE Id = NEW.EvidenceItemId) = 'ReferredBack') WHERE EnrolmentId = (SELECT EnrolmentId FROM EvidenceItems WHERE Id = NEW.EvidenceItemId) AND DutyId = NEW.DutyId;  END;

CREATE TRIGGER DutyEvidenceCounts_link_removed AFTER DELETE ON EvidenceDuties BEGIN UPDATE DutyEvidenceCounts SET Submitted = Submitted - ((SELECT Status FROM EvidenceItems WHERE Id = OLD.EvidenceItemId) = 'Submitted'), Accepted = Accepted - ((SELECT Status FROM EvidenceItems WHERE Id = OLD.EvidenceItemId) = 'Accepted'), ReferredBack = ReferredBack - ((SELECT Status FROM EvidenceItems WHERE Id = OLD.EvidenceItemId) = 'ReferredBack') WHERE EnrolmentId = (SELECT EnrolmentId FROM EvidenceItems WHERE Id = OLD.EvidenceItemId) AND DutyId = OLD.DutyId; DELETE FROM DutyEvidenceCounts WHERE EnrolmentId = (SELECT EnrolmentId FROM EvidenceItems WHERE Id = OLD.EvidenceItemId) AND Submitted = 0 AND Accepted = 0 AND ReferredBack = 0;  END;

CREATE TRIGGER DutyEvidenceCounts_item_changed AFTER UPDATE OF Status, EnrolmentId ON EvidenceItems WHEN OLD.Status IS NOT NEW.Status OR OLD.EnrolmentId IS NOT NEW.EnrolmentId BEGIN UPDATE DutyEvidenceCounts SET Submitted = Submitted - (OLD.Status = 'Submitted'), Accepted = Accepted - (OLD.Status = 'Accepted'), ReferredBack = ReferredBack - (OLD.Status = 'ReferredBack') WHERE EnrolmentId = OLD.EnrolmentId AND DutyId IN (SELECT d.DutyId FROM EvidenceDuties AS d WHERE d.EvidenceItemId = OLD.Id); DELETE FROM DutyEvidenceCounts WHERE EnrolmentId = OLD.EnrolmentId AND Submitted = 0 AND Accepted = 0 AND ReferredBack = 0; INSERT OR IGNORE INTO DutyEvidenceCounts (EnrolmentId, DutyId, Submitted, Accepted, ReferredBack) SELECT NEW.EnrolmentId, d.DutyId, 0, 0, 0 FROM EvidenceDuties AS d WHERE d.EvidenceItemId = NEW.Id AND NEW.Status IN ('Submitted', 'Accepted', 'ReferredBack'); UPDATE DutyEvidenceCounts SET Submitted = Submitted + (NEW.Status = 'Submitted'), Accepted = Accepted + (NEW.Status = 'Accepted'), ReferredBack = ReferredBack + (NEW.Status = 'ReferredBack') WHERE EnrolmentId = NEW.EnrolmentId AND DutyId IN (SELECT d.DutyId FROM EvidenceDuties AS d WHERE d.EvidenceItemId = NEW.Id);  END;

CREATE TRIGGER DutyEvidenceCounts_item_removed BEFORE DELETE ON EvidenceItems BEGIN DELETE FROM EvidenceDuties WHERE EvidenceItemId = OLD.Id; END;

INSERT INTO DutyEvidenceCounts (EnrolmentId, DutyId, Submitted, Accepted, ReferredBack) SELECT i.EnrolmentId, d.DutyId, SUM(i.Status = 'Submitted'), SUM(i.Status = 'Accepted'), SUM(i.Status = 'ReferredBack') FROM EvidenceDuties AS d INNER JOIN EvidenceItems AS i ON i.Id = d.EvidenceItemId WHERE i.Status IN ('Submitted', 'Accepted', 'ReferredBack') GROUP BY i.EnrolmentId, d.DutyId;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121105824_DutyEvidenceCounts', '6.0.7');

COMMIT;

