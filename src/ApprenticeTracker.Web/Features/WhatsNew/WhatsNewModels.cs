namespace ApprenticeTracker.Web.Features.WhatsNew;

/// <summary>One thing new for the signed-in person: an item to review, a decision received, a duty signed off.</summary>
/// <param name="At">When it happened.</param>
/// <param name="What">What happened, as a short phrase ("Submitted for your review").</param>
/// <param name="Title">The record's name: the evidence title or the duty.</param>
/// <param name="Href">Where to see it.</param>
/// <param name="Who">The apprentice it is about, for assessors and provider administrators; null for the apprentice.</param>
public sealed record WhatsNewItem(DateTimeOffset At, string What, string Title, string Href, string? Who);

/// <summary>What is new for the signed-in person, newest first.</summary>
/// <param name="Items">At most <see cref="WhatsNewQuery.MaxItems"/> of them.</param>
/// <param name="Since">Things after this instant are new: the person's mark, or the start of the window.</param>
/// <param name="ReadAt">When the list was read; "mark as seen" marks up to here, so that what arrived since stays new.</param>
public sealed record WhatsNewList(IReadOnlyList<WhatsNewItem> Items, DateTimeOffset Since, DateTimeOffset ReadAt);
