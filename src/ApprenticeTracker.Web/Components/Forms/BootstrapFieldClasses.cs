using Microsoft.AspNetCore.Components.Forms;

namespace ApprenticeTracker.Web.Components.Forms;

/// <summary>Marks an input Bootstrap's way (<c>is-invalid</c>) when it has a validation message, and adds nothing otherwise.</summary>
public sealed class BootstrapFieldClasses : FieldCssClassProvider
{
    public static BootstrapFieldClasses Instance { get; } = new();

    public override string GetFieldCssClass(EditContext editContext, in FieldIdentifier fieldIdentifier)
    {
        ArgumentNullException.ThrowIfNull(editContext);
        return editContext.GetValidationMessages(fieldIdentifier).Any() ? "is-invalid" : string.Empty;
    }
}
