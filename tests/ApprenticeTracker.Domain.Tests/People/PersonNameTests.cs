namespace ApprenticeTracker.Domain.Tests.People;

/// <summary>Writing and sorting people's names.</summary>
public class PersonNameTests
{
    [Test]
    public void A_name_written_family_name_first_reads_family_name_then_given_name()
    {
        Assert.That(PersonName.Full("Thị Hà", "Nguyễn", NameOrder.FamilyFirst), Is.EqualTo("Nguyễn Thị Hà"));
    }

    [Test]
    public void A_name_written_given_name_first_reads_given_name_then_family_name_single_spaced()
    {
        Assert.That(PersonName.Full(" Łucja ", " Wójcik ", NameOrder.GivenFirst), Is.EqualTo("Łucja Wójcik"));
    }

    [Test]
    public void A_missing_part_leaves_the_other_alone_in_either_order()
    {
        Assert.That(
            new[] { PersonName.Full(null, "Nguyễn", NameOrder.FamilyFirst), PersonName.Full("Hà", " ", NameOrder.FamilyFirst) },
            Is.EqualTo(new[] { "Nguyễn", "Hà" }));
    }

    [Test]
    public void The_sort_key_ignores_case_and_accents()
    {
        Assert.That(
            new[] { PersonName.SortKey("Siobhán", "Ó Súilleabháin"), PersonName.SortKey("Łucja", "Wójcik"), PersonName.SortKey("Thị Hà", "Nguyễn") },
            Is.EqualTo(new[] { "o suilleabhain\u0001siobhan", "wojcik\u0001lucja", "nguyen\u0001thi ha" }));
    }

    [Test]
    public void Ordinal_order_of_the_sort_keys_is_British_order_by_family_name_then_given_name()
    {
        (string Given, string Family)[] people =
        [
            ("Zoë", "ÖZTÜRK"), ("Aisha", "Zaman"), ("Siobhán", "Ó Súilleabháin"), ("Ben", "o'brien"), ("Ann", "Li"), ("Adam", "Lin"),
            ("Łucja", "Wójcik"), ("Lucy", "Wojcik"), ("Thị Hà", "Nguyễn"), ("Tom", "Nguyen"),
        ];

        var byKey = people.OrderBy(p => PersonName.SortKey(p.Given, p.Family), StringComparer.Ordinal).Select(p => p.Family + ", " + p.Given);

        Assert.That(byKey, Is.EqualTo(new[]
        {
            "Li, Ann", "Lin, Adam", "Nguyễn, Thị Hà", "Nguyen, Tom", "Ó Súilleabháin, Siobhán", "o'brien, Ben", "ÖZTÜRK, Zoë",
            "Wójcik, Łucja", "Wojcik, Lucy", "Zaman, Aisha",
        }));
    }

    [Test]
    public void Letters_that_carry_their_mark_fold_to_their_plain_letters()
    {
        Assert.That(PersonName.SortKey("Søren", "Łaszewska-Straße"), Is.EqualTo("laszewska-strasse\u0001soren"));
    }
}
