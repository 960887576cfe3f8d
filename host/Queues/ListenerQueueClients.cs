using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using SocialWatch.Host.Functions;
using SocialWatch.Storage;

namespace SocialWatch.Host.Queues;

/// <summary>
/// The queue client the listeners receive with, in host.json's messageEncoding (base64 like every sender of the app by default),
/// and, as the Functions host does, a message that is not valid base64 is copied untouched to the poison queue and removed,
/// instead of failing every receive of its batch.
/// </summary>
public sealed partial class ListenerQueueClients
{
    private readonly QueueServiceClient raw;
    private readonly ILogger<ListenerQueueClients> logger;

    public ListenerQueueClients(IOptions<StorageOptions> storage, HostSettings host, StorageOperations operations, QueueSends sends, ILogger<ListenerQueueClients> logger)
    {
        this.logger = logger;
        raw = StorageServiceCollectionExtensions.CreateQueueServiceClient(storage.Value, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }, operations, sends);
        var options = host.Queues.Base64Encoding ? StorageServiceCollectionExtensions.QueueClientOptions() : new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        options.MessageDecodingFailed += MoveUndecodableToPoisonAsync;
        Listening = StorageServiceCollectionExtensions.CreateQueueServiceClient(storage.Value, options, operations, sends);
    }

    public QueueServiceClient Listening { get; }

    public static string PoisonQueueName(string queueName) => queueName + "-poison";

    private async Task MoveUndecodableToPoisonAsync(QueueMessageDecodingFailedEventArgs args)
    {
        // Peeks are harmless; only a received message is in our hands.
        if (args.ReceivedMessage is not { } message)
        {
            return;
        }

        var poison = raw.GetQueueClient(PoisonQueueName(args.Queue.Name));
        await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: args.CancellationToken);
        await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
        LogUndecodable(args.Queue.Name, message.MessageId, poison.Name);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueName}: message {MessageId} is not base64; moved as is to {PoisonQueue}")]
    private partial void LogUndecodable(string queueName, string messageId, string poisonQueue);
}
