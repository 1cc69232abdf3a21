namespace ApprenticeTracker.Persistence.Seeding;

/// <summary>How far a demo apprentice has got.</summary>
internal enum DemoProgress
{
    /// <summary>No duty signed off yet.</summary>
    None,

    /// <summary>Some duties signed off.</summary>
    Some,

    /// <summary>Every duty signed off, some gateway items confirmed.</summary>
    All,

    /// <summary>Every duty signed off, every gateway item confirmed, and gateway passed.</summary>
    Gateway,
}

/// <summary>Which provider and cohort a demo apprentice belongs to.</summary>
internal enum DemoGroup
{
    /// <summary>Provider A, the intake that started about 20 months ago (minimum duration met).</summary>
    ProviderAEarlierIntake,

    /// <summary>Provider A, the intake that started about 5 months ago.</summary>
    ProviderALaterIntake,

    /// <summary>Provider B's one intake.</summary>
    ProviderB,
}

/// <summary>One demo apprentice.</summary>
/// <param name="SignedOff">How many duties are signed off (for <see cref="DemoProgress.Some"/>).</param>
/// <param name="WithRevokedSignOff">One of the sign-offs is later revoked with a reason.</param>
/// <param name="NameOrder">The order in which the apprentice writes their name.</param>
internal sealed record DemoApprentice(
    string GivenName, string FamilyName, DemoGroup Group, DemoProgress Progress, int SignedOff = 0, bool WithRevokedSignOff = false, string? Email = null,
    NameOrder NameOrder = NameOrder.GivenFirst);

/// <summary>The fixed content of the demo data: names, evidence titles, feedback.</summary>
internal static class DemoCatalogue
{
    /// <summary>About 24 apprentices, with names from many languages, including characters outside Latin-1.</summary>
    public static readonly DemoApprentice[] Apprentices =
    [
        new("Łucja", "Wójcik", DemoGroup.ProviderAEarlierIntake, DemoProgress.Some, 6, Email: DemoDataSeeder.ApprenticeEmail),
        new("Thị Hà", "Nguyễn", DemoGroup.ProviderAEarlierIntake, DemoProgress.All, NameOrder: NameOrder.FamilyFirst),
        new("Ayşe", "Yılmaz", DemoGroup.ProviderAEarlierIntake, DemoProgress.Some, 4, WithRevokedSignOff: true),
        new("Siobhán", "Ó Súilleabháin", DemoGroup.ProviderAEarlierIntake, DemoProgress.Gateway),
        new("Oluwaseun", "Adébáyọ̀", DemoGroup.ProviderAEarlierIntake, DemoProgress.Some, 8),
        new("Tereza", "Dvořáková", DemoGroup.ProviderAEarlierIntake, DemoProgress.None),
        new("Mohammed", "Rahman", DemoGroup.ProviderAEarlierIntake, DemoProgress.All),
        new("Emily", "Clarke", DemoGroup.ProviderAEarlierIntake, DemoProgress.Some, 3),
        new("Jiří", "Novák", DemoGroup.ProviderAEarlierIntake, DemoProgress.Some, 5),
        new("Aoife", "Ní Dhomhnaill", DemoGroup.ProviderAEarlierIntake, DemoProgress.Some, 2),
        new("Kateřina", "Horáková", DemoGroup.ProviderALaterIntake, DemoProgress.Some, 2),
        new("Chidi", "Okonkwo", DemoGroup.ProviderALaterIntake, DemoProgress.None),
        new("Eilidh", "MacLeòid", DemoGroup.ProviderALaterIntake, DemoProgress.Some, 1),
        new("Priya", "Raghunathan", DemoGroup.ProviderALaterIntake, DemoProgress.None),
        new("Ştefan", "Popescu", DemoGroup.ProviderALaterIntake, DemoProgress.Some, 2),
        new("Harriet", "Lewis", DemoGroup.ProviderALaterIntake, DemoProgress.None),
        new("Dawit", "Tesfaye", DemoGroup.ProviderALaterIntake, DemoProgress.Some, 1),
        new("Zoë", "Brennan", DemoGroup.ProviderALaterIntake, DemoProgress.None),
        new("Ewa", "Dąbrowska", DemoGroup.ProviderALaterIntake, DemoProgress.Some, 3),
        new("Thomas", "Whitfield", DemoGroup.ProviderALaterIntake, DemoProgress.None),
        new("Gruffudd", "ap Siôn", DemoGroup.ProviderB, DemoProgress.Some, 3),
        new("Agnieszka", "Wróbel", DemoGroup.ProviderB, DemoProgress.None),
        new("Selin", "Şahin", DemoGroup.ProviderB, DemoProgress.All),
        new("Kwame", "Mensah", DemoGroup.ProviderB, DemoProgress.Some, 1),
    ];

    public static readonly (EvidenceType Type, string Title)[] Evidence =
    [
        (EvidenceType.Observation, "Observed calibration of the blood gas analyser"),
        (EvidenceType.Observation, "Observed resting 12-lead ECG recording on a ward"),
        (EvidenceType.ReflectiveAccount, "Reflective account: my first independent ECG clinic"),
        (EvidenceType.ReflectiveAccount, "Reflection on explaining a test result to an anxious patient"),
        (EvidenceType.WitnessTestimony, "Witness testimony: gaining consent for an echocardiogram"),
        (EvidenceType.WitnessTestimony, "Witness testimony: leading the morning quality control huddle"),
        (EvidenceType.ProfessionalDiscussion, "Professional discussion: information governance in practice"),
        (EvidenceType.ProfessionalDiscussion, "Professional discussion: codes of conduct and scope of practice"),
        (EvidenceType.WorkProduct, "Audit of referral-to-test turnaround times"),
        (EvidenceType.WorkProduct, "Revised standard operating procedure for spirometry quality control"),
        (EvidenceType.CaseStudy, "Case study: troubleshooting a failed spirometry QC run"),
        (EvidenceType.CaseStudy, "Case study: incident investigation after a mislabelled sample"),
        (EvidenceType.CpdRecord, "CPD record: radiation protection update"),
        (EvidenceType.CpdRecord, "CPD record: basic life support refresher"),
        (EvidenceType.SimulationProduct, "Simulated cardiac arrest: role as scribe and equipment lead"),
        (EvidenceType.SimulationProduct, "Simulation: handling a data breach in the department"),
        (EvidenceType.Recording, "Recording of a teaching session for new starters"),
        (EvidenceType.WorkProduct, "Poster for the regional healthcare science conference"),
        (EvidenceType.Observation, "Observed risk assessment of a new workshop layout"),
        (EvidenceType.ReflectiveAccount, "Reflection on supporting a colleague through a difficult shift"),
    ];

    public static readonly string[] Descriptions =
    [
        "I carried out the procedure under supervision, following the departmental SOP. I checked the equipment, recorded the results and discussed the findings with my supervisor. Next time I will prepare the patient information sooner.",
        "This shows how I planned the work, monitored progress and dealt with a fault part-way through. I learnt to escalate earlier and to document each step as I go.",
        "The activity took place during a busy clinic. I explained each step to the patient, answered their questions and checked their understanding before we started.",
        "I led this piece of work with support from the senior practitioner. I reviewed the evidence base, agreed the approach with the team and reported the outcome at the governance meeting.",
        "My reflection uses Gibbs' cycle: what happened, what I felt, what went well and less well, and what I will do differently. I have added an action to my development plan.",
        "The witness saw me carry out the task from start to finish and has recorded only what they observed, with their name, role, contact details and the date.",
    ];

    public static readonly string[] ReferBackFeedback =
    [
        "Please say which part of the activity you led yourself, and what the supervisor did.",
        "The reflection describes what happened but not what you learnt. Add what you would do differently next time.",
        "The witness statement needs the witness's role and contact details before I can accept it.",
        "This is a good start. Link it more clearly to the duty you have chosen and remove the patient identifiers.",
        "The date of the activity is not clear from the attached record. Please confirm when it took place.",
    ];

    public static readonly string?[] AcceptFeedback =
    [
        null,
        "Valid, authentic, current and sufficient. Well done.",
        "A clear account with good reflection.",
        null,
        "Good evidence of working within your scope of practice.",
    ];
}
