using SocialWatch.Host.Functions;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Host.Worker;

/// <summary>
/// The FunctionLoadRequest the Functions host sends for a worker-indexed function (GrpcWorkerChannel.GetFunctionLoadRequest):
/// the worker's own name, directory, script file, entry point and properties, the worker's function id, and a bindings map
/// built from the raw bindings (type, direction, dataType), which the worker reads to tell input from output bindings.
/// </summary>
public static class FunctionLoadRequests
{
    public static FunctionLoadRequest For(WorkerFunction function)
    {
        var indexed = function.Metadata;
        var metadata = new RpcFunctionMetadata
        {
            Name = indexed.Name,
            Directory = indexed.Directory,
            ScriptFile = indexed.ScriptFile,
            EntryPoint = indexed.EntryPoint,
            IsProxy = false,
        };
        metadata.Properties.Add(indexed.Properties);
        foreach (var raw in indexed.RawBindings)
        {
            var binding = FunctionBinding.Parse(raw, indexed.Name);
            metadata.Bindings.Add(binding.Name, ToBindingInfo(binding));
        }

        return new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = metadata };
    }

    public static BindingInfo ToBindingInfo(FunctionBinding binding)
    {
        var info = new BindingInfo
        {
            Type = binding.Type,
            Direction = binding.Direction.ToUpperInvariant() switch
            {
                "OUT" => BindingInfo.Types.Direction.Out,
                "INOUT" => BindingInfo.Types.Direction.Inout,
                _ => BindingInfo.Types.Direction.In,
            },
        };
        if (binding.GetString("dataType") is { } dataType)
        {
            info.DataType = dataType.ToUpperInvariant() switch
            {
                "STRING" => BindingInfo.Types.DataType.String,
                "BINARY" => BindingInfo.Types.DataType.Binary,
                "STREAM" => BindingInfo.Types.DataType.Stream,
                _ => BindingInfo.Types.DataType.Undefined,
            };
        }

        return info;
    }
}
