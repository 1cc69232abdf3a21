namespace ApprenticeTracker.Domain.People;

/// <summary>The order in which a person writes their own name, kept with the person.</summary>
public enum NameOrder
{
    /// <summary>Given name then family name, as in "Łucja Wójcik".</summary>
    GivenFirst = 0,

    /// <summary>Family name then given name, as in Vietnamese, Chinese, Korean or Hungarian: "Nguyễn Thị Hà".</summary>
    FamilyFirst = 1,
}
