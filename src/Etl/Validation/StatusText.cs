using Governance.Warehouse.Facts;

namespace Governance.Etl.Validation;

/// <summary>Reads the optional status column: English or Chinese; blank means reported.</summary>
public static class StatusText
{
    public static bool TryParse(string? text, out ValueStatus status)
    {
        status = ValueStatus.Reported;
        switch (HeaderText.Normalize(text))
        {
            case "" or "reported" or "上报" or "填报" or "正常":
                return true;
            case "estimated" or "估计" or "估算" or "预估":
                status = ValueStatus.Estimated;
                return true;
            case "revised" or "修订" or "更正" or "修正":
                status = ValueStatus.Revised;
                return true;
            default:
                return false;
        }
    }
}
