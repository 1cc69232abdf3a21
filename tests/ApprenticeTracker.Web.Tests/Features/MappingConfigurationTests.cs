using System.Collections;

namespace ApprenticeTracker.Web.Tests.Features;

public sealed class MappingConfigurationTests
{
    [Test]
    public void The_mapping_configuration_is_valid()
    {
        var mappings = WebExtensions.CreateMappings();

        Assert.That(mappings.AssertConfigurationIsValid, Throws.Nothing);
    }

    [Test]
    public void No_map_involves_a_type_that_refers_to_itself()
    {
        // AutoMapper 8.0.0 is held back; advisory GHSA-rvv3-g6hj-g44x concerns maps of self-referential types.
        var mappings = WebExtensions.CreateMappings();

        var selfReferential = mappings.GetAllTypeMaps()
            .SelectMany(map => new[] { map.SourceType, map.DestinationType })
            .Where(RefersToItself)
            .Select(type => type.Name)
            .ToList();

        Assert.That(mappings.GetAllTypeMaps(), Is.Not.Empty);
        Assert.That(selfReferential, Is.Empty);
    }

    private static bool RefersToItself(Type type) =>
        type.GetProperties().Any(p => p.PropertyType.IsAssignableFrom(type) && p.PropertyType != typeof(object)
            || ElementType(p.PropertyType) is { } element && element.IsAssignableFrom(type));

    private static Type? ElementType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type)
            ? null
            : type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
}
