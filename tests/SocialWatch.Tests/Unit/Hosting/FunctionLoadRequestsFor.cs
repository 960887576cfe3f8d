using SocialWatch.Host.Functions;
using SocialWatch.Host.Rpc;
using SocialWatch.Host.Worker;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>The FunctionLoadRequest for a worker-indexed function, as the Functions host builds it from the worker's metadata.</summary>
public sealed class FunctionLoadRequestsFor
{
    [Fact]
    public void CarriesTheWorkersOwnNamesAndABindingsMapFromTheRawBindings()
    {
        var indexed = new RpcFunctionMetadata
        {
            Name = "GetProfile",
            FunctionId = "1234",
            Directory = "/app",
            ScriptFile = "SocialWatch.Functions.dll",
            EntryPoint = "SocialWatch.Functions.GetProfile.Run",
            Language = "dotnet-isolated",
        };
        indexed.Properties.Add("IsCodeless", "False");
        indexed.RawBindings.Add("""{"name":"req","direction":"In","type":"httpTrigger","authLevel":"Anonymous","methods":["get"],"route":"profiles/{id}"}""");
        indexed.RawBindings.Add("""{"name":"$return","type":"http","direction":"Out"}""");

        var request = FunctionLoadRequests.For(WorkerFunction.From(indexed));

        Assert.Equal("1234", request.FunctionId);
        Assert.Equal(("GetProfile", "/app", "SocialWatch.Functions.dll", "SocialWatch.Functions.GetProfile.Run", false), (request.Metadata.Name, request.Metadata.Directory, request.Metadata.ScriptFile, request.Metadata.EntryPoint, request.Metadata.IsProxy));
        Assert.Equal("False", request.Metadata.Properties["IsCodeless"]);
        Assert.Equal(new BindingInfo { Type = "httpTrigger", Direction = BindingInfo.Types.Direction.In }, request.Metadata.Bindings["req"]);
        Assert.Equal(new BindingInfo { Type = "http", Direction = BindingInfo.Types.Direction.Out }, request.Metadata.Bindings["$return"]);
    }

    [Theory]
    [InlineData("String", BindingInfo.Types.DataType.String)]
    [InlineData("binary", BindingInfo.Types.DataType.Binary)]
    [InlineData("Stream", BindingInfo.Types.DataType.Stream)]
    public void KeepsTheDataTypeOfABinding(string dataType, BindingInfo.Types.DataType expected)
    {
        var binding = FunctionBinding.Parse($$"""{"name":"message","direction":"In","type":"queueTrigger","dataType":"{{dataType}}","queueName":"work"}""", "Work");

        Assert.Equal(expected, FunctionLoadRequests.ToBindingInfo(binding).DataType);
    }

    [Fact]
    public void RefusesAFunctionWithoutExactlyOneTrigger()
    {
        var indexed = new RpcFunctionMetadata { Name = "Broken" };
        indexed.RawBindings.Add("""{"name":"$return","type":"http","direction":"Out"}""");

        var refused = Assert.Throws<InvalidOperationException>(() => WorkerFunction.From(indexed));

        Assert.Equal("Function Broken has 0 trigger bindings; a function has exactly one.", refused.Message);
    }
}
