namespace Governance.Etl.Scheduling;

/// <summary>A schedule setting that cannot work; the message names the setting.</summary>
public sealed class EtlScheduleConfigurationException : Exception
{
    public EtlScheduleConfigurationException()
    {
    }

    public EtlScheduleConfigurationException(string message)
        : base(message)
    {
    }

    public EtlScheduleConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
