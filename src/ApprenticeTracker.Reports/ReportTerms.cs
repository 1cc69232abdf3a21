namespace ApprenticeTracker.Reports;

/// <summary>
/// The names the reports give the assessment stages, in one place: the 2025–27 apprenticeship assessment reforms
/// rename "end-point assessment" and "gateway", and reports must follow without a hunt through the layout.
/// </summary>
public static class ReportTerms
{
    /// <summary>The assessment at the end of the apprenticeship.</summary>
    public const string EndPointAssessment = "End-point assessment";

    /// <summary>Its short form, as in "EPA report".</summary>
    public const string EndPointAssessmentShort = "EPA";

    /// <summary>The point at which the apprentice is confirmed ready for assessment.</summary>
    public const string Gateway = "Gateway";

    /// <summary>The report's title.</summary>
    public const string ReportTitle = EndPointAssessment + " report";

    /// <summary>The heading of the readiness checklist.</summary>
    public const string GatewayReadiness = Gateway + " readiness";

    /// <summary>Said of a duty without a sign-off in force.</summary>
    public const string NotSignedOff = "Not signed off";

    /// <summary>The label of the download link.</summary>
    public const string Download = "Download " + EndPointAssessmentShort + " report";
}
